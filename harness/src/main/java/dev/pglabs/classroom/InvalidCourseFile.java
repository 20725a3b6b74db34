package dev.pglabs.classroom;

/**
 * A file the instructor gives a class run (the grading policy, the roster) that cannot be used; the message names
 * the field or line and says what to write instead.
 */
public final class InvalidCourseFile extends Exception {

    public InvalidCourseFile(String message) {
        super(message);
    }
}
