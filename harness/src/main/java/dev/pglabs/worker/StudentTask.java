package dev.pglabs.worker;

import java.io.Serializable;

/**
 * One call into a student's code, sent to the worker process and run there. A task is a small serializable value
 * (a record) whose class lives in a {@code sandboxed} package of the graders (or in this package): only those
 * classes are on the worker's classpath, so nothing else of the course (reference answers, hidden checks, data) is
 * within the student's reach. What it returns crosses back as plain data (records, strings, numbers, collections),
 * read by the grader through a strict filter ({@link Wire#readReply}); the grader judges it.
 *
 * @param <T> what the call returns to the grader
 */
@FunctionalInterface
public interface StudentTask<T extends Serializable> extends Serializable {

    /** Runs inside the worker; exceptions of the student's code come back as {@link Thrown}. */
    T run(WorkerContext context) throws Exception;
}
