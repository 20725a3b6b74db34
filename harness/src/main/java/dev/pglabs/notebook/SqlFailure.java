package dev.pglabs.notebook;

import java.util.Arrays;

/**
 * Thrown by the {@code sql(…)} helper when a statement fails, after the error was printed, to stop the cell. Its
 * stack trace keeps only the student's frames (the snippet, their own classes): the helper's inside is not
 * what a student needs to read, and jshell prints every frame it is given.
 */
public final class SqlFailure extends RuntimeException {

    private static final String HELPERS = SqlFailure.class.getPackageName() + ".";

    public SqlFailure(String message) {
        super(message);
        setStackTrace(Arrays.stream(getStackTrace())
                .filter(frame -> !frame.getClassName().startsWith(HELPERS))
                .toArray(StackTraceElement[]::new));
    }
}
