package dev.pglabs.results;

/**
 * Thrown from a check to end it with a given status and a message written for the student.
 * Plain assertion errors mean {@link CheckStatus#FAILED}; anything else unexpected means a grader bug.
 */
public class CheckFailure extends RuntimeException {

    private final CheckStatus status;

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
}
