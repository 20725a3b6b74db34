package dev.pglabs.grading;

import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.SandboxPolicy;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import dev.pglabs.worker.WorkerLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shelf of a session that keeps workers: a clean worker is lent again; one that was ended under a grading, or an
 * Ebean lab's, is closed and replaced (what makes a worker dirty inside: {@code ReusedWorkerTest}).
 */
class KeptWorkersTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    record Nothing() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            return 0;
        }
    }

    /** Stands for an Ebean lab's grader: no checks of its own. */
    @Grader(lab = "08-orm-ebean", ebean = true)
    static final class EbeanLab {
    }

    @Test
    void anEbeanLabsWorkerIsNeverLentAgain() {
        Isolation isolation = SandboxPolicy.PREFER.choose(Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY)))
                .orElseThrow();
        KeptWorkers.Key key = new KeptWorkers.Key(EbeanLab.class, isolation);
        assertThat(key.reusable()).isFalse();
        assertThat(new KeptWorkers.Key(KeptWorkersTest.class, isolation).reusable()).isTrue();
        try (KeptWorkers shelf = new KeptWorkers()) {
            StudentJvm first;
            try (KeptWorkers.Lease lease = shelf.take(key, () -> new StudentJvm(isolation, WorkerLimits.defaults(),
                    KeptWorkersTest.class.getClassLoader()))) {
                first = lease.jvm();
                assertThat(first.call(new Nothing(), LIMIT, "nothing")).isZero();
            }
            assertThat(first.alive()).as("closed when the grading ended").isFalse();
        }
    }

    @Test
    void aCleanWorkerIsLentAgainAndADirtyOneIsReplaced() {
        Isolation isolation = SandboxPolicy.PREFER.choose(Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY)))
                .orElseThrow();
        Supplier<StudentJvm> fresh = () -> new StudentJvm(isolation, WorkerLimits.defaults(),
                KeptWorkersTest.class.getClassLoader());
        KeptWorkers.Key key = new KeptWorkers.Key(KeptWorkersTest.class, isolation);
        try (KeptWorkers shelf = new KeptWorkers()) {
            StudentJvm first;
            try (KeptWorkers.Lease lease = shelf.take(key, fresh)) {
                first = lease.jvm();
                assertThat(first.call(new Nothing(), LIMIT, "nothing")).isZero();
            }
            StudentJvm dirty;
            try (KeptWorkers.Lease lease = shelf.take(key, fresh)) {
                dirty = lease.jvm();
                assertThat(dirty).as("left clean: lent again").isSameAs(first);
                dirty.end("was ended by the test");  // as a limit or the grader ends it; the next call restarts it
                assertThat(dirty.call(new Nothing(), LIMIT, "nothing")).isZero();
            }
            try (KeptWorkers.Lease lease = shelf.take(key, fresh)) {
                assertThat(lease.jvm()).as("a worker was ended under it: replaced").isNotSameAs(dirty);
                assertThat(dirty.alive()).as("and closed").isFalse();
                assertThat(lease.jvm().call(new Nothing(), LIMIT, "nothing")).isZero();
            }
        }
    }
}
