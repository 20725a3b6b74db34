package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import io.ebean.Database;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/** {@code new BlogRepository(db)} on the check's Ebean Database; the repository is kept with it. */
public record NewRepository(Handle blog, CodeRef code, String sourceRoot) implements StudentTask<Boolean> {

    @Override
    public Boolean run(WorkerContext context) throws Exception {
        Blog kept = context.kept(blog, Blog.class);
        Class<?> loaded = Blog.load(context, code, Blog.REPOSITORY, sourceRoot);
        String simple = loaded.getSimpleName();
        if (loaded.isInterface() || Modifier.isAbstract(loaded.getModifiers())) {
            throw new SubmissionProblem(CheckStatus.FAILED, Blog.REPOSITORY + " is abstract; the grader needs a "
                    + "concrete class it can create with new " + simple + "(Database).");
        }
        Constructor<?> constructor;
        try {
            constructor = loaded.getDeclaredConstructor(Database.class);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, Blog.REPOSITORY + " needs a public constructor public "
                    + simple + "(Database) { … }, so the grader can create it.");
        } catch (RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The grader cannot call the constructor of "
                    + Blog.REPOSITORY + ": " + e.getMessage());
        }
        kept.repository = constructor.newInstance(kept.orm.database());
        return true;
    }
}
