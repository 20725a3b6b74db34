package dev.pglabs.grading;

import dev.pglabs.javasub.CompileCache;
import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.StudentJvm;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a session that lives on between gradings ({@code pglabs watch}) keeps for the next grading of a Java lab: the
 * worker of each grader, taken again only if {@link StudentJvm#recycle} finds it clean (else it is closed and a new
 * one started), and the compiled classes of sources that did not change ({@link CompileCache}). A one-shot grading
 * keeps nothing.
 */
final class KeptWorkers implements AutoCloseable {

    /** A worker serves one grader class (its sandboxed classes on the classpath) with one isolation. */
    record Key(Class<?> grader, Isolation isolation) {
        /**
         * Whether this grader's worker may serve another grading at all. Not an Ebean lab's: Ebean keeps state in
         * statics of its own (its default database, which a wrong answer can break for the rest of the process),
         * beyond what {@link StudentJvm#recycle} can see, and the next grading must not inherit it.
         */
        boolean reusable() {
            return !AnnotationSupport.findAnnotation(grader, Grader.class)
                    .map(Grader::ebean).orElse(false);
        }
    }

    /** A worker lent to one grader run: back on the shelf when the run ends (closed if there is no shelf). */
    record Lease(KeptWorkers shelf, Key key, StudentJvm jvm, Supplier<StudentJvm> fresh) implements AutoCloseable {
        @Override
        public void close() {
            if (shelf == null) {
                jvm.close();
            } else {
                shelf.giveBack(key, jvm, fresh);
            }
        }
    }

    private final Map<Key, StudentJvm> idle = new HashMap<>();
    /** Workers lent to a grading now: a signal can end the session mid-grading, and they must end with it. */
    private final Set<StudentJvm> lent = new HashSet<>();
    private final CompileCache compiled = new CompileCache();
    private boolean closed;
    /**
     * A session that keeps workers lives until the learner stops it, usually with Ctrl-C, which skips every
     * {@code finally}: the kept workers' and classes' folders would stay in the temporary folder.
     */
    private final Thread onExit = new Thread(this::close, "pglabs-kept-workers");

    KeptWorkers() {
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    CompileCache compiled() {
        return compiled;
    }

    /** The worker the last run of this grader left clean, or a new one. */
    Lease take(Key key, Supplier<StudentJvm> fresh) {
        StudentJvm kept;
        synchronized (this) {
            kept = idle.remove(key);
        }
        if (kept != null && !kept.recycle()) {
            kept.close();  // dirty, or ended under a limit: never reused
            kept = null;
        }
        StudentJvm jvm = kept != null ? kept : fresh.get();
        synchronized (this) {
            if (!closed) {
                lent.add(jvm);
            }
        }
        return new Lease(this, key, jvm, fresh);
    }

    /**
     * Shelves the worker for the next grading; one that cannot be reused (an Ebean lab's, one a grader or a limit
     * ended, one that served requests) is closed now and a new one started in its place while the student edits, so
     * the next grading does not wait for a JVM to start either way (nor for a second one, when this grading needed
     * one: then a spare is started too).
     */
    private void giveBack(Key key, StudentJvm used, Supplier<StudentJvm> fresh) {
        synchronized (this) {
            lent.remove(used);
            if (closed) {
                used.close();
                return;
            }
        }
        StudentJvm jvm = used;
        if (!key.reusable() || !used.mayBeRecycled()) {
            boolean restarts = used.wasRestarted();
            used.close();
            jvm = fresh.get();
            jvm.startAhead();
            if (restarts) {
                jvm.spareAhead();  // the last grading needed a second worker: so will the next one, likely
            }
        }
        StudentJvm replaced;
        synchronized (this) {
            if (closed) {
                replaced = jvm;
            } else {
                replaced = idle.put(key, jvm);
            }
        }
        if (replaced != null) {
            replaced.close();
        }
    }

    @Override
    public void close() {
        if (Thread.currentThread() != onExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // The JVM is shutting down: the hook runs too, and the second close finds nothing left.
            }
        }
        List<StudentJvm> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle.values());
            all.addAll(lent);
            idle.clear();
            lent.clear();
        }
        all.forEach(StudentJvm::close);
        compiled.close();
    }
}
