package dev.pglabs.worker;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.submission.SubmissionProblem;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An exception of the student's code, as data: the worker sends this instead of the exception object, so the
 * grader never deserializes a class the student wrote. {@code types} lists the class and its superclasses, so a
 * check can ask whether it "is an IllegalArgumentException" without loading anything.
 *
 * @param studentFrames the frames in the student's classes, top first ("Class.method(File.java:12)")
 * @param frames        the top frames whatever their class, for exceptions thrown inside a library
 * @param causes        "type: message" of each cause, outermost first
 * @param sqlState      the first SQLSTATE in the chain of a JDBC exception, or null
 * @param status        for the harness's own failures raised inside the worker ({@code CheckFailure},
 *                      {@code SubmissionProblem}: "the submission has no entity class"), their status; else null
 */
public record Thrown(String type, List<String> types, String message, List<String> studentFrames,
                     List<String> frames, List<String> causes, String sqlState, String status)
        implements Serializable {

    /** Enough frames to find the line; more would bury the message. */
    static final int SHOWN_FRAMES = 5;
    /** A message longer than this is cut: a student's exception text is not a channel for bulk data. */
    static final int MAX_MESSAGE = 4000;

    public Thrown {
        types = List.copyOf(types);
        studentFrames = List.copyOf(studentFrames);
        frames = List.copyOf(frames);
        causes = List.copyOf(causes);
    }

    /** Whether the exception is of this class or a subclass of it (by name). */
    public boolean is(Class<? extends Throwable> type) {
        return types.contains(type.getName());
    }

    /** A starter's {@code throw new UnsupportedOperationException("TODO …")}. */
    public boolean isTodo() {
        return is(UnsupportedOperationException.class) && message != null && message.strip().startsWith("TODO");
    }

    /** The class name without its package: "IllegalArgumentException". */
    public String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** "java.lang.IllegalArgumentException: the message". */
    public String describe() {
        return type + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    /** Described inside the worker; {@code studentLoader} marks the frames that are the student's. */
    static Thrown of(Throwable t, String studentLoaderName) {
        List<String> types = new ArrayList<>();
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            types.add(c.getName());
        }
        List<StackTraceElement> all = Arrays.asList(t.getStackTrace());
        List<String> own = all.stream().filter(f -> studentLoaderName.equals(f.getClassLoaderName()))
                .limit(SHOWN_FRAMES).map(Thrown::frame).toList();
        List<String> top = all.stream().limit(SHOWN_FRAMES).map(Thrown::frame).toList();
        List<String> causes = new ArrayList<>();
        Throwable cause = t.getCause();
        for (int i = 0; cause != null && i < 5; i++, cause = cause.getCause()) {  // bounded: causes may cycle
            causes.add(cut(cause.getClass().getName() + (cause.getMessage() == null ? "" : ": "
                    + cause.getMessage().strip())));
        }
        String status = t.getClass() == CheckFailure.class
                || t.getClass() == SubmissionProblem.class
                ? ((CheckFailure) t).status().name() : null;
        String sqlState = null;
        Throwable c = t;
        for (int i = 0; c != null && sqlState == null && i < 6; i++, c = c.getCause()) {  // bounded: causes may cycle
            if (c instanceof SQLException sql) {
                sqlState = sql.getSQLState();
            }
        }
        return new Thrown(t.getClass().getName(), types, t.getMessage() == null ? null : cut(t.getMessage()), own,
                top, causes, sqlState, status);
    }

    private static String frame(StackTraceElement f) {
        return f.getClassName() + "." + f.getMethodName() + "(" + (f.getFileName() == null ? "?" : f.getFileName())
                + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "") + ")";
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " …";
    }
}
