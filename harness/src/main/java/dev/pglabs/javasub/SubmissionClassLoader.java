package dev.pglabs.javasub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the submission's compiled classes child-first (a student class that happens to share a name with
 * one on the grader's classpath, e.g. a starter, is the student's) and everything else from the parent, so
 * the interfaces the grader calls through are the grader's own classes.
 */
public final class SubmissionClassLoader extends URLClassLoader {

    /** Shows in stack frames ({@link StackTraceElement#getClassLoaderName()}): how feedback finds student code. */
    public static final String NAME = "pglabs-submission";

    static {
        registerAsParallelCapable();
    }

    private final Set<String> own;

    SubmissionClassLoader(URL classes, Set<String> own, ClassLoader parent) {
        super(NAME, new URL[] {classes}, parent);
        this.own = own;
    }

    /** The classes compiled into {@code folder}, over {@code parent}. */
    public static SubmissionClassLoader of(Path folder, ClassLoader parent) {
        try {
            return new SubmissionClassLoader(folder.toUri().toURL(), classNames(folder), parent);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Whether the compiled classes hold this class at all. */
    public boolean owns(String className) {
        return own.contains(className);
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

    private static Set<String> classNames(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".class"))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
