package dev.pglabs.grading;

import dev.pglabs.comparison.Comparison;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.DataFreeSummary;
import dev.pglabs.results.Scores;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.util.Optional;

/**
 * The feedback students read for a hidden check: what kind of mistake, the hint, and no data. A hidden check runs
 * on data the student must not see (rows of a variant dataset, edge-case inputs, expected values), and the full
 * feedback shows exactly that (tables of missing rows, the statements tried, PostgreSQL's error detail). So this
 * is default-deny: only a summary the failure itself declares data-free ({@link DataFreeSummary}) or a fixed
 * sentence per kind of outcome reaches the student; the full feedback goes to the instructor only.
 */
final class HiddenFeedback {

    static final String NOT_SHOWN = "The data of hidden checks is not shown.";

    private HiddenFeedback() {
    }

    /** The student's line for a hidden check that did not pass (the hints are added by the caller). */
    static String summary(OutcomeClassifier.Outcome outcome, Throwable thrown, double max) {
        String declared = declaredSummary(thrown);
        if (declared != null) {
            return outcome.earned() > 0 ? declared + " (" + points(outcome.earned()) + " of " + points(max)
                    + " points)" : declared;
        }
        return switch (outcome.status()) {
            case PASSED -> "";
            case TIMEOUT -> outcome.feedback();  // a fixed sentence of the harness, no data in it
            case FAILED -> outcome.answerJudged()
                    ? (outcome.earned() > 0 ? "Part of your answer is right on this check's data (" + points(outcome.earned())
                            + " of " + points(max) + " points), part of it is not."
                            : "Your answer gives a wrong result on this check's data.")
                    : "Your answer could not be graded on this hidden check: the visible checks of this exercise "
                            + "say why (a missing or unreadable file, or something else than the task asks for).";
            case ERROR -> outcome.aboutAnswer()
                    ? "Your answer ran into an error on this check's data (PostgreSQL refused a statement, or your "
                            + "code threw an exception or did not compile). If the visible checks of this exercise "
                            + "pass, look for what differs on other data: other values, NULLs, empty or larger tables."
                    : "The grader could not run this check (not a problem with your answer); your instructor has the "
                            + "details.";
        };
    }

    /**
     * Why a hidden check can fail where its visible twin passed, for the situation this failure shows, in place of
     * one fixed sentence that blamed hard-coded rows for every cause: the other data differs in order and ties, in
     * rows on the task's bounds, in NULLs and unmatched rows, and only sometimes in ids and names.
     */
    static String situation(Optional<CheckResult> visibleTwin, Throwable thrown) {
        boolean twinPassed = visibleTwin.map(r -> r.status() == CheckStatus.PASSED).orElse(false);
        if (visibleTwin.isPresent() && !twinPassed) {
            return "This hidden check runs the same answer on other data: make the visible check of this exercise "
                    + "pass first.";
        }
        String declared = declaredSummary(thrown);
        if (declared != null && !Comparison.describesRows(declared)) {
            return "";  // the grader's own summary names what it tried (edge-case statements, requests, plans)
        }
        String lead = twinPassed
                ? "Your answer passes on the visible data but not on this check's other data, so the visible rows "
                        + "happen to hide a mistake. "
                : "This hidden check runs your answer on other data than the visible checks. ";
        if (declared != null && declared.endsWith(Comparison.RIGHT_ROWS_WRONG_ORDER)) {
            return lead + "Here the rows are stored in another order and some tie on the first sort key: does your "
                    + "ORDER BY name every key the task asks for (the tie-breaker too), each in the right direction?";
        }
        return lead + "Look at what other data may hold: rows exactly on the bounds the task names (> or >=?), "
                + "NULLs, rows with no match in a joined table, duplicates, ties, and other ids, names or dates than "
                + "today's (a value copied from the visible rows).";
    }

    private static String declaredSummary(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataFreeSummary s && s.dataFreeSummary() != null && !s.dataFreeSummary().isBlank()) {
                return s.dataFreeSummary().strip();
            }
            if (!(t instanceof ParameterResolutionException)) {
                return null;  // only the failure itself (or what a parameter resolver wrapped) speaks for the check
            }
        }
        return null;
    }

    private static String points(double p) {
        return Scores.format(p);
    }
}
