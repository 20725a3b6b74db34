package dev.pglabs.worker;

import dev.pglabs.javasub.SubmissionClassLoader;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a task has inside the worker: the student's classes, the objects kept between calls of a check, and a way
 * to describe the student's exceptions. One per worker process.
 */
public final class WorkerContext {

    /** Shows in stack frames ({@link StackTraceElement#getClassLoaderName()}): how feedback finds student code. */
    public static final String STUDENT_LOADER = SubmissionClassLoader.NAME;

    private final long worker;
    private final Map<String, SubmissionClassLoader> loaders = new ConcurrentHashMap<>();
    private final Map<Long, Object> kept = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** What the worker was like when it became ready, for {@link #recycle}. */
    private final Baseline baseline;

    WorkerContext(long worker) {
        this.worker = worker;
        this.baseline = Baseline.now();
    }

    /**
     * Readies this worker for the next grading of a session that keeps it ({@code pglabs watch}): the previous
     * grading's classes are dropped (the next one's load afresh, statics and all), if it left nothing behind that
     * outlives its classes. Returns what it left behind (the worker is not to be reused), or null when clean.
     */
    String recycle() {
        String left = baseline.changedSince(kept.isEmpty());
        if (left == null) {
            loaders.clear();
        }
        return left;
    }

    /** The class loader of these compiled classes (one per folder, for the life of the worker). */
    public ClassLoader loader(CodeRef code) {
        return loaders.computeIfAbsent(code.folder(), folder -> SubmissionClassLoader.of(Path.of(folder), WorkerContext.class.getClassLoader()));
    }

    /** A class of the submission, initialised on first use like any class the student's code touches. */
    public Class<?> load(CodeRef code, String className) throws ClassNotFoundException {
        return Class.forName(className, true, loader(code));
    }

    /** Whether the compiled classes hold this class at all. */
    public boolean has(CodeRef code, String className) {
        return ((SubmissionClassLoader) loader(code)).owns(className);
    }

    /** Keeps an object for later tasks of the same check. */
    public Handle keep(Object value) {
        Handle handle = new Handle(worker, ids.incrementAndGet());
        kept.put(handle.id(), value);
        return handle;
    }

    /** A kept object; an {@link IllegalStateException} if this worker did not make it (it was restarted). */
    public <T> T kept(Handle handle, Class<T> type) {
        Object value = handle.worker() == worker ? kept.get(handle.id()) : null;
        if (value == null) {
            throw new IllegalStateException("the object this check kept in the worker is gone (the worker was "
                    + "restarted after an earlier limit)");
        }
        return type.cast(value);
    }

    /** Forgets a kept object, closing it if it can be closed. */
    void release(Handle handle) throws Exception {
        Object value = handle.worker() == worker ? kept.remove(handle.id()) : null;
        if (value instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** An exception as data for the grader (for tasks that hand exceptions back as answers). */
    public static Thrown thrown(Throwable t) {
        return Thrown.of(unwrap(t), STUDENT_LOADER);
    }

    /** The student's own exception under the layers reflection and class initialisation put around it. */
    public static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError
                || t instanceof UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
