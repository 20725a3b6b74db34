package dev.pglabs.grading;

import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.util.concurrent.TimeoutException;

/** Turns how a check's JUnit test ended into a status, earned points and feedback for the student. */
final class OutcomeClassifier {

    /**
     * @param answerJudged the answer ran and its result was judged wrong (not missing, not broken)
     * @param aboutAnswer  the outcome is about the student's answer, not a problem of the grader
     * @param notAttempted there is no answer yet (a missing or comment-only file, a starter's TODO)
     * @param explainedElsewhere the problem is explained under another check (no hints here)
     */
    record Outcome(CheckStatus status, double earned, String feedback, boolean answerJudged, boolean aboutAnswer,
                   boolean notAttempted, boolean explainedElsewhere) {

        Outcome(CheckStatus status, double earned, String feedback, boolean answerJudged, boolean aboutAnswer) {
            this(status, earned, feedback, answerJudged, aboutAnswer, false, false);
        }
    }

    private OutcomeClassifier() {
    }

    static Outcome classify(Throwable thrown, double max) {
        Throwable t = unwrap(thrown);
        if (t instanceof PartialCredit partial) {
            return new Outcome(CheckStatus.FAILED, Math.max(0, Math.min(max, partial.earned())), partial.getMessage(),
                    true, true);
        }
        if (t instanceof CheckFailure failure) {
            return new Outcome(failure.status(), 0, failure.getMessage(), false, true, failure.isNotAttempted(),
                    failure.isExplainedElsewhere());
        }
        if (t instanceof AssertionError) {
            return new Outcome(CheckStatus.FAILED, 0, t.getMessage() == null ? "The check failed." : t.getMessage(),
                    true, true);
        }
        if (t instanceof TimeoutException) {
            return new Outcome(CheckStatus.TIMEOUT, 0, "The check ran past its time limit and was stopped. "
                    + "Look for an endless loop or a query that never finishes.", false, true);
        }
        if (t instanceof ProvisioningException) {
            return new Outcome(CheckStatus.ERROR, 0, "The grader could not prepare this check (not a problem "
                    + "with your answer): " + t.getMessage(), false, false);
        }
        return new Outcome(CheckStatus.ERROR, 0, "The grader failed unexpectedly (not a problem with your answer; "
                + "tell your instructor): " + t, false, false);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof ParameterResolutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
