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

/** The shelf of a session that keeps workers: a clean worker is lent again, a dirty one is closed and replaced. */
class KeptWorkersTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** A student thread that waits (no processor time, so no watchdog ends it) after its call returned. */
    record LeaveWaiting() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.setDaemon(true);
            t.start();
            return 1;
        }
    }

    record Nothing() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            return 0;
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
                assertThat(dirty.call(new LeaveWaiting(), LIMIT, "leave")).isOne();
            }
            try (KeptWorkers.Lease lease = shelf.take(key, fresh)) {
                assertThat(lease.jvm()).as("left a thread running: replaced").isNotSameAs(dirty);
                assertThat(dirty.alive()).as("and closed").isFalse();
                assertThat(lease.jvm().call(new Nothing(), LIMIT, "nothing")).isZero();
            }
        }
    }
}
