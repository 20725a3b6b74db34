package dev.pglabs.notebook;

/**
 * Thrown by the {@code endpoint(…)} helper when the lab's service cannot be had (no Node.js for the DynamoDB
 * emulator): the cell shows the message, which says what to do.
 */
public final class ServiceUnavailable extends HelperFailure {

    public ServiceUnavailable(String message) {
        super(message);
    }
}
