package dev.pglabs.javasub;

import com.sun.management.ThreadMXBean;
import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.results.CheckStatus;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs student code with a time limit and turns how it ended into feedback: an endless loop ends the check
 * as a timeout, a starter's {@code throw new UnsupportedOperationException("TODO …")} as failed
 * ("not implemented yet"), any other exception as an error naming the student's lines. A call that allocates
 * without bound is stopped before it can starve the grader's other work of memory.
 */
public final class JavaCalls {

    /** How long an interrupted call may take to notice before the thread is stopped outright. */
    private static final long GRACE_MS = 200;
    private static final int SHOWN_FRAMES = 5;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * Memory one call may allocate in all (garbage included): far above what any lab's honest code needs, far
     * below the heap the grader runs with. Counted per thread by the JVM, so other checks running at the same
     * time do not count against it.
     */
    static final long ALLOCATION_BUDGET = 512L << 20;
    /** How often the running call's allocation is read; a finished call is noticed at once. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final ThreadMXBean MEMORY = memoryBean();

    private JavaCalls() {
    }

    /** Student code that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * Calls {@code body} on a separate daemon thread and waits at most {@code limit}.
     *
     * @param what how the student knows the call, e.g. "StudentTagCounter.countTags"
     */
    public static <T> T call(Callable<T> body, Duration limit, String what) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = DaemonThreads.start("pglabs-student-" + THREADS.incrementAndGet(), task);
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stop(thread);
                    throw new CheckFailure(CheckStatus.TIMEOUT, what + " did not finish within " + seconds(limit)
                            + " and was stopped. Look for an endless loop, or a query or lock that waits forever.");
                }
                try {
                    return task.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    if (allocated(thread) > ALLOCATION_BUDGET) {
                        stop(thread);
                        throw new CheckFailure(CheckStatus.ERROR, what + " allocated more than "
                                + (ALLOCATION_BUDGET >> 20) + " MB of memory in one call and was stopped. Look for "
                                + "a loop that keeps adding to a list, a map or a string without end.");
                    }
                }
            }
        } catch (InterruptedException e) {
            stop(thread);
            Thread.currentThread().interrupt();
            throw new CheckFailure(CheckStatus.TIMEOUT, what + " was stopped because the check ran out of time.");
        } catch (ExecutionException e) {
            throw feedback(e.getCause(), what);
        }
    }

    /** {@link #call} for code that returns nothing. */
    public static void run(Action body, Duration limit, String what) {
        call(() -> {
            body.run();
            return null;
        }, limit, what);
    }

    /**
     * What a student's exception means for the check: the failure to throw (a TODO → failed "not implemented yet",
     * anything else → error naming the student's lines). Public for exceptions caught on threads the grader does
     * not start itself, e.g. an HTTP handler of the student's server.
     */
    public static RuntimeException feedback(Throwable thrown, String what) {
        Throwable t = unwrap(thrown);
        // The grader's own failures (a missing file, no database) keep their meaning. Only these exact types
        // pass through: student code could throw a points-carrying subclass (PartialCredit) to forge a score.
        if ((t.getClass() == CheckFailure.class || t.getClass() == SubmissionProblem.class)
                && ((CheckFailure) t).status() != CheckStatus.PASSED) {
            return (CheckFailure) t;
        }
        if (t instanceof ProvisioningException provisioning) {
            return provisioning;
        }
        if (t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().strip().startsWith("TODO")) {
            return new CheckFailure(CheckStatus.FAILED, what + " is not implemented yet: " + t.getMessage().strip()
                    + ". Replace the throw statement with your code.").notAttempted();
        }
        StringBuilder message = new StringBuilder(what).append(" threw ").append(describe(t));
        studentFrames(t).forEach(f -> message.append("\n  at ").append(f));
        Throwable cause = t.getCause();
        for (int i = 0; cause != null && i < 5; i++, cause = cause.getCause()) {  // bounded: causes may cycle
            message.append("\n  caused by ").append(describe(cause));
        }
        if (t instanceof StackOverflowError) {
            message.append("\n  A method calls itself without end: check the condition that stops the recursion.");
        }
        return new CheckFailure(CheckStatus.ERROR, message.toString(), t);
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError
                || t instanceof UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip());
    }

    /** The frames of the submission's classes, top first; without any, the top frames (a JDK or driver call). */
    private static List<String> studentFrames(Throwable t) {
        List<StackTraceElement> frames = Arrays.asList(t.getStackTrace());
        List<StackTraceElement> own = frames.stream()
                .filter(f -> SubmissionClassLoader.NAME.equals(f.getClassLoaderName())).toList();
        return (own.isEmpty() ? frames : own).stream().limit(SHOWN_FRAMES)
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + (f.getFileName() == null ? "?"
                        : f.getFileName()) + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "") + ")")
                .toList();
    }

    /**
     * Interrupts the thread; one that ignores interrupts ({@code while (true) {}}) would spin on for the rest
     * of a class-grading run, so it is stopped outright where the JDK still allows it (before Java 20).
     * Public for threads that student code runs on without {@link #call} (e.g. a server's request threads).
     */
    @SuppressWarnings({"deprecation", "removal"})
    public static void stop(Thread thread) {
        thread.interrupt();
        try {
            thread.join(GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // Java 20+: the daemon thread lives on until the JVM exits.
            }
        }
    }

    /** Bytes the thread has allocated so far, or 0 where the JVM cannot tell (then only time limits apply). */
    private static long allocated(Thread thread) {
        return MEMORY == null ? 0 : MEMORY.getThreadAllocatedBytes(thread.getId());
    }

    private static ThreadMXBean memoryBean() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean bean
                    && bean.isThreadAllocatedMemorySupported()) {
                bean.setThreadAllocatedMemoryEnabled(true);
                return bean;
            }
        } catch (UnsupportedOperationException | SecurityException | LinkageError e) {
            // A JVM without the HotSpot management extension: fall through.
        }
        return null;
    }

    private static String seconds(Duration limit) {
        long ms = limit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
