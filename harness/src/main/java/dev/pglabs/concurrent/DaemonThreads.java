package dev.pglabs.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of pglabs' own (watchdogs, pools, background start-ups): daemons, so that nothing they still wait on keeps
 * a finished run's JVM alive, and named, so that a thread dump says what each one is for.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory whose threads are all called {@code name} (a single-thread executor's). */
    public static ThreadFactory named(String name) {
        return task -> daemon(task, name);
    }

    /** A factory whose threads are called {@code prefix-1}, {@code prefix-2}, … (a pool's). */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> daemon(task, prefix + "-" + count.incrementAndGet());
    }

    /** Runs {@code body} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable body) {
        Thread thread = daemon(body, name);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
