package dev.pglabs.graders.selftest.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

import java.sql.Connection;

/**
 * {@code new StudentTagCounter().countTags(connection)} on the connection {@link OpenConnection} kept. The call must
 * leave nothing running: a thread still in the student's code after it returned fails the check here, where the
 * student can be told which call did it (the worker's watchdog would end such a worker later, during another call).
 */
public record CountTags(CodeRef code, Handle connection) implements StudentTask<Long> {

    static final String CLASS = "selftest.StudentTagCounter";
    static final String FILE = "01-sql-basics/src/main/java/selftest/StudentTagCounter.java";

    @Override
    public Long run(WorkerContext context) throws Exception {
        // Closed here, not released by the grader: after a limit the worker is gone, and a release would start one.
        try (Connection c = context.kept(connection, Connection.class)) {
            long count = counter(context).countTags(c);
            String left = StudentThreads.runningBesides(Thread.currentThread());
            if (!left.isEmpty()) {
                throw new SubmissionProblem(CheckStatus.FAILED, "StudentTagCounter.countTags returned, but left "
                        + "threads running your code: " + left + ". Code graded here must finish its work before it "
                        + "returns; do the work on the calling thread.");
            }
            return count;
        }
    }

    private TagCounter counter(WorkerContext context) throws Exception {
        if (!context.has(code, CLASS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + CLASS + " is missing. Expected it in "
                    + FILE + " (check the package line and the class name).");
        }
        Object made = context.load(code, CLASS).getDeclaredConstructor().newInstance();
        if (!(made instanceof TagCounter counter)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "StudentTagCounter must implement TagCounter, as in the "
                    + "starter (" + FILE + ").");
        }
        return counter;
    }
}
