package dev.pglabs.graders.lab10.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.WorkerContext;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The student's {@code app.db} classes as the worker finds them: static methods with the signatures the lab's
 * README states, or a failure that says which signature is missing.
 */
final class AppDb {

    static final String URL_CLASS = "app.db.DatabaseUrl";
    static final String FACTORY_CLASS = "app.db.DataSourceFactory";
    static final String IAM_CLASS = "app.db.IamAuthentication";

    private AppDb() {
    }

    static Method method(WorkerContext context, CodeRef code, String className, String name, String signature,
                         Class<?>... parameters) throws ClassNotFoundException {
        if (!context.has(code, className)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + className + " is missing. Expected it in "
                    + "src/main/java/" + className.replace('.', '/') + ".java (check the package line and the class name).");
        }
        Class<?> type = context.load(code, className);
        try {
            Method m = type.getMethod(name, parameters);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new NoSuchMethodException();
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, className + " needs the method " + signature
                    + " (as in the starter). Keep its name, parameter and return type.");
        }
    }

    /** Exceptions are answers here, except a starter's TODO and errors (stack overflow…), which end the check. */
    static boolean isAnswer(Throwable thrown) {
        Throwable t = WorkerContext.unwrap(thrown);
        boolean todo = t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().strip().startsWith("TODO");
        return !todo && !(t instanceof Error);
    }
}
