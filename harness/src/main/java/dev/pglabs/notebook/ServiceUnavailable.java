package dev.pglabs.notebook;

import java.util.Arrays;

/**
 * Thrown by the {@code endpoint(…)} helper when the lab's service cannot be had (no Node.js for the DynamoDB
 * emulator): the cell shows the message, which says what to do, and only the student's frames (as {@link SqlFailure}).
 */
public final class ServiceUnavailable extends RuntimeException {

    private static final String HELPERS = ServiceUnavailable.class.getPackageName() + ".";

    public ServiceUnavailable(String message) {
        super(message);
        setStackTrace(Arrays.stream(getStackTrace())
                .filter(frame -> !frame.getClassName().startsWith(HELPERS))
                .toArray(StackTraceElement[]::new));
    }
}
