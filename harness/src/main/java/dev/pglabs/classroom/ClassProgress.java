package dev.pglabs.classroom;

/** Live progress of a class run. Called from the grading threads; implementations must be thread-safe. */
public interface ClassProgress {

    ClassProgress SILENT = new ClassProgress() {
    };

    default void started(int students, int jobs) {
    }

    default void studentStarted(Student student) {
    }

    /** {@code done} counts the students finished so far, this one included. */
    default void studentFinished(StudentResult result, int done, int total) {
    }
}
