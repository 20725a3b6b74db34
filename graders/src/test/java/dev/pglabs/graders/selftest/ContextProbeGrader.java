package dev.pglabs.graders.selftest;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Says what its check was handed: the lab, the submission's marker file and whether the files belong to the session.
 * {@link GradingContextTest} grades two submissions with it at once, each check waiting for the other's to be running,
 * so that a context shared between launches would show. Its name does not match Surefire's includes, and it only
 * runs while that test enables it.
 */
@Grader(lab = "01-sql-basics")
@DisplayName("Self-test · grading context")
@EnabledIf("enabled")
class ContextProbeGrader {

    private static volatile CyclicBarrier together;

    /** Lets the probe run; its checks wait until {@code parties} of them run at once. */
    static void enable(int parties) {
        together = parties == 0 ? null : new CyclicBarrier(parties);
    }

    static boolean enabled() {
        return together != null;
    }

    @Check(id = "01-context")
    void e01_context(LabFiles files, Lab lab, GradingSession session) throws Exception {
        together.await(5, TimeUnit.MINUTES);
        throw new AssertionError("handed lab " + lab.folder() + ", marker " + files.text("marker.txt").strip()
                + ", files in the session's submission: " + files.dir().startsWith(session.submission().root()));
    }
}
