package dev.pglabs.notebook;

import java.util.Arrays;

/**
 * A helper's failure that stops a cell with a message meant for the student. Its stack trace keeps only the student's
 * frames (the snippet, their own classes): the helper's inside is not what a student needs to read, and jshell prints
 * every frame it is given.
 */
public abstract class HelperFailure extends RuntimeException {

    private static final String HELPERS = HelperFailure.class.getPackageName() + ".";

    protected HelperFailure(String message) {
        super(message);
        setStackTrace(Arrays.stream(getStackTrace())
                .filter(frame -> !frame.getClassName().startsWith(HELPERS))
                .toArray(StackTraceElement[]::new));
    }
}
