package dev.pglabs.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What a task has inside the worker: the student's classes, the objects kept between calls of a check, and a way
 * to describe the student's exceptions. One per worker process.
 */
public final class WorkerContext {

    /** Shows in stack frames ({@link StackTraceElement#getClassLoaderName()}): how feedback finds student code. */
    public static final String STUDENT_LOADER = "pglabs-submission";

    private final long worker;
    private final Map<String, StudentLoader> loaders = new ConcurrentHashMap<>();
    private final Map<Long, Object> kept = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    WorkerContext(long worker) {
        this.worker = worker;
    }

    /** The class loader of these compiled classes (one per folder, for the life of the worker). */
    public ClassLoader loader(CodeRef code) {
        return loaders.computeIfAbsent(code.folder(), folder -> new StudentLoader(Path.of(folder)));
    }

    /** A class of the submission, initialised on first use like any class the student's code touches. */
    public Class<?> load(CodeRef code, String className) throws ClassNotFoundException {
        return Class.forName(className, true, loader(code));
    }

    /** Whether the compiled classes hold this class at all. */
    public boolean has(CodeRef code, String className) {
        return ((StudentLoader) loader(code)).own(className);
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

    /**
     * Loads the student's classes child-first (a class that shares a name with one on the worker's classpath is the
     * student's), everything else from the worker's classpath.
     */
    private static final class StudentLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final java.util.Set<String> own;

        StudentLoader(Path folder) {
            super(STUDENT_LOADER, new URL[] {url(folder)}, WorkerContext.class.getClassLoader());
            this.own = classNames(folder);
        }

        boolean own(String name) {
            return own.contains(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!own.contains(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private static URL url(Path folder) {
            try {
                return folder.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }

        private static java.util.Set<String> classNames(Path folder) {
            try (Stream<Path> walk = Files.walk(folder)) {
                return walk.filter(p -> p.getFileName().toString().endsWith(".class"))
                        .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
