package dev.pglabs.javasub;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;

/**
 * Loads the submission's compiled classes child-first (a student class that happens to share a name with
 * one on the grader's classpath, e.g. a starter, is the student's) and everything else from the parent, so
 * the interfaces the grader calls through are the grader's own classes.
 */
final class SubmissionClassLoader extends URLClassLoader {

    /** Shows in stack frames ({@link StackTraceElement#getClassLoaderName()}): how feedback finds student code. */
    static final String NAME = "pglabs-submission";

    static {
        registerAsParallelCapable();
    }

    private final Set<String> own;

    SubmissionClassLoader(URL classes, Set<String> own, ClassLoader parent) {
        super(NAME, new URL[] {classes}, parent);
        this.own = own;
    }

    boolean owns(String className) {
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
}
