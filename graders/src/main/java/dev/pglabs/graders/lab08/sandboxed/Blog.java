package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.orm.EbeanSession;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.WorkerContext;

/**
 * What one check keeps in the worker: Ebean started on the student's entities and, once created, the student's
 * {@code blog.BlogRepository} built on it. Closing it (the grader releases it when the check ends) shuts Ebean and
 * its connection pool down.
 */
public final class Blog implements AutoCloseable {

    static final String REPOSITORY = "blog.BlogRepository";

    final EbeanSession orm;
    Object repository;

    Blog(EbeanSession orm) {
        this.orm = orm;
    }

    /**
     * A class of the submission without running its static initialiser, with the grader's wording when it is
     * missing ({@code sourceRoot}: where the student keeps the sources, e.g. "08-orm-ebean/src/main/java").
     */
    static Class<?> load(WorkerContext context, CodeRef code, String className, String sourceRoot) {
        if (!context.has(code, className)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + className + " is missing. Expected it in "
                    + sourceRoot + "/" + className.replace('.', '/') + ".java (check the package line and the class "
                    + "name).");
        }
        try {
            return Class.forName(className, false, context.loader(code));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The class " + className + " could not be loaded: " + e);
        }
    }

    @Override
    public void close() {
        orm.close();
    }
}
