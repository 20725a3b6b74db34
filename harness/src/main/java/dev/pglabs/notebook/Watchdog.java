package dev.pglabs.notebook;

import dev.pglabs.concurrent.DaemonThreads;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cell's time limit: when it expires, {@link #expired()} turns true and the action runs (cancel the statement,
 * stop the snippet) on the watchdog thread, never on the thread that runs the cell.
 */
final class Watchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("pglabs-notebook-watchdog"));

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> future;

    private Watchdog(Duration limit, Runnable onExpiry) {
        future = TIMER.schedule(() -> {
            expired.set(true);
            onExpiry.run();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Watchdog start(Duration limit, Runnable onExpiry) {
        return new Watchdog(limit, onExpiry);
    }

    /** Runs an action later on the watchdog thread (escalation after a grace period). */
    static ScheduledFuture<?> later(Duration delay, Runnable action) {
        return TIMER.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        future.cancel(false);
    }
}
