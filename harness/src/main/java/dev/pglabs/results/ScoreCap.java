package dev.pglabs.results;

import java.util.List;

/**
 * Why a lab's score is less than its checks' points: a check that guards production data or security (declared with
 * {@code @Check(guards = …)}) did not pass, so the lab counts at most {@link #limit(double)} of its points, however
 * much else works. Partial credit must not let an answer that leaks other users' posts or loses money keep most of
 * the points (docs/authoring.md, "Checks that guard").
 *
 * @param points the cap: the lab's score is at most this
 * @param earned the points of the checks before the cap
 * @param check  the first guarding check that did not pass
 * @param reason one line for reports: "capped at 10: check X guards …; fix it first"
 */
public record ScoreCap(double points, double earned, String check, String reason) {

    /**
     * The share of a lab's points an answer that fails a guarding check can keep: below half, so it stays under the
     * usual pass mark however good the rest is, yet above zero, so the rest of the work still counts and shows.
     */
    public static final double SHARE = 0.4;

    /** The most a lab of {@code max} points counts while a guarding check fails: 40 % of it, in whole points. */
    public static double limit(double max) {
        return Math.floor(Scores.round(max * SHARE));
    }

    /**
     * The cap these checks put on {@code earned} of {@code max} points, or {@code null} when every guarding check
     * passed or the points are within the cap already (the score is then what the checks say).
     */
    static ScoreCap of(List<CheckResult> checks, double earned, double max) {
        List<CheckResult> failing = checks.stream()
                .filter(c -> !c.guards().isEmpty() && c.status() != CheckStatus.PASSED).toList();
        double limit = limit(max);
        if (failing.isEmpty() || earned <= limit) {
            return null;
        }
        CheckResult first = failing.get(0);
        int others = failing.size() - 1;
        String reason = "capped at " + Scores.format(limit) + ": check " + first.id() + " guards " + first.guards()
                + "; fix it first" + (others == 0 ? "" : " (" + others + " more " + (others == 1 ? "check" : "checks")
                + " that guard production data or security fail too)");
        return new ScoreCap(limit, earned, first.id(), reason);
    }
}
