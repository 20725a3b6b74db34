package dev.pglabs.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The checks of one lab. {@code id} is the lab folder, e.g. "01-sql-basics". {@code hiddenNotRun} counts the hidden
 * checks this run left out (a student's own run); then {@code max} is the visible points only. {@code notStarted}:
 * the student has not started the lab (no files, or the untouched starters): reports say so instead of listing
 * every check's feedback. {@code cap}: a check that guards production data or security did not pass, so {@code score}
 * is capped below the checks' points (see {@link ScoreCap}); every report shows its {@link ScoreCap#reason()}.
 */
public record LabResult(String id, String title, double score, double max, List<CheckResult> checks,
                        @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNotRun hiddenNotRun,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notStarted,
                        @JsonInclude(JsonInclude.Include.NON_NULL) ScoreCap cap) {

    public LabResult(String id, String title, double score, double max, List<CheckResult> checks,
                     HiddenNotRun hiddenNotRun, boolean notStarted) {
        this(id, title, score, max, checks, hiddenNotRun, notStarted, null);
    }

    public LabResult(String id, String title, double score, double max, List<CheckResult> checks,
                     HiddenNotRun hiddenNotRun) {
        this(id, title, score, max, checks, hiddenNotRun, false);
    }

    public LabResult(String id, String title, double score, double max, List<CheckResult> checks) {
        this(id, title, score, max, checks, null, false);
    }

    public static LabResult of(String id, String title, List<CheckResult> checks) {
        return of(id, title, checks, null);
    }

    /** The one way a lab's score is computed: its checks' points, capped when a guarding check did not pass. */
    public static LabResult of(String id, String title, List<CheckResult> checks, HiddenNotRun hiddenNotRun) {
        double earned = Scores.round(checks.stream().mapToDouble(CheckResult::points).sum());
        double max = Scores.round(checks.stream().mapToDouble(CheckResult::max).sum());
        ScoreCap cap = ScoreCap.of(checks, earned, max);
        return new LabResult(id, title, cap == null ? earned : cap.points(), max, List.copyOf(checks),
                hiddenNotRun == null || hiddenNotRun.checks() == 0 ? null : hiddenNotRun, false, cap);
    }

    /** This result, marked as a lab the student has not started. */
    public LabResult asNotStarted() {
        return new LabResult(id, title, score, max, checks, hiddenNotRun, true, cap);
    }
}
