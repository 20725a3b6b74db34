package dev.pglabs.results;

/**
 * Thrown from a check to end it with a given status and a message written for the student.
 * Plain assertion errors mean {@link CheckStatus#FAILED}; anything else unexpected means a grader bug.
 */
public class CheckFailure extends RuntimeException implements DataFreeSummary {

    private final CheckStatus status;
    private String dataFreeSummary;
    private boolean notAttempted;
    private boolean explainedElsewhere;

    public CheckFailure(CheckStatus status, String message) {
        this(status, message, null);
    }

    public CheckFailure(CheckStatus status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    public CheckStatus status() {
        return status;
    }

    /**
     * Adds what kind of mistake this is, in words that show no data: what students read when the check is hidden
     * (see {@link DataFreeSummary}). Without it they read a generic line for the status.
     */
    public CheckFailure withDataFreeSummary(String summary) {
        this.dataFreeSummary = summary;
        return this;
    }

    /**
     * Marks this failure as "no answer yet" (a missing or comment-only file, a starter's TODO): the student has not
     * tried, so the report shows no hint, and a lab where every check is like this counts as not started.
     */
    public CheckFailure notAttempted() {
        this.notAttempted = true;
        return this;
    }

    /** The full explanation is under another check (a build problem shown once): no hints under this one. */
    public CheckFailure explainedElsewhere() {
        this.explainedElsewhere = true;
        return this;
    }

    public boolean isExplainedElsewhere() {
        return explainedElsewhere;
    }

    public boolean isNotAttempted() {
        return notAttempted;
    }

    @Override
    public String dataFreeSummary() {
        return dataFreeSummary;
    }
}
