package dev.pglabs.graders.selftest.sandboxed;

import dev.pglabs.worker.WorkerContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Threads of the worker that are running the submission's code (a frame of the student's class loader). */
final class StudentThreads {

    private static final int SHOWN = 3;

    private StudentThreads() {
    }

    /** "name at Class.method(File.java:12)" of each such thread but {@code caller}, or "" when there is none. */
    static String runningBesides(Thread caller) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() == caller) {
                continue;
            }
            Arrays.stream(e.getValue()).filter(f -> WorkerContext.STUDENT_LOADER.equals(f.getClassLoaderName()))
                    .findFirst().ifPresent(f -> found.add(e.getKey().getName() + " at " + f.getClassName() + "."
                            + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")"));
        }
        return String.join(", ", found.stream().sorted().limit(SHOWN).toList())
                + (found.size() > SHOWN ? " and " + (found.size() - SHOWN) + " more" : "");
    }
}
