package dev.pglabs.graders.lab09.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import io.ebean.Database;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * {@code Javalin.create(config -> BlogApi.configure(config, db))} with the kept Ebean Database, the grader's own
 * settings laid over the student's; the app is kept with the check's API, not started yet.
 *
 * @param sourceFile where the student keeps the class ("09-api-routes/src/main/java/app/api/BlogApi.java")
 */
public record Configure(Handle api, CodeRef code, String sourceFile) implements StudentTask<Boolean> {

    public static final String API_CLASS = "app.api.BlogApi";

    @Override
    public Boolean run(WorkerContext context) throws Exception {
        Api kept = context.kept(api, Api.class);
        Method configure = configureMethod(context);
        Database db = kept.orm.database();
        kept.app = Javalin.create(config -> {
            // First of all handlers, the whole request body is read (Javalin keeps it for ctx.body() and
            // bodyAsClass). A handler that answers before reading it (a 401 first) would otherwise leave body bytes
            // arriving at a closed connection: the reset they cause can swallow the answer on its way to the grader.
            config.routes.before(ctx -> ctx.bodyAsBytes());
            try {
                configure.invoke(null, config, db);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw sneaky(e.getCause());  // the student's exception, as the student threw it
            }
            kept.ownServer(config);
        });
        return true;
    }

    private Method configureMethod(WorkerContext context) {
        if (!context.has(code, API_CLASS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + API_CLASS + " is missing. Expected it in "
                    + sourceFile + " (check the package line and the class name).");
        }
        try {
            Class<?> type = Class.forName(API_CLASS, false, context.loader(code));
            Method m = type.getMethod("configure", JavalinConfig.class, Database.class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new NoSuchMethodException();
            }
            m.setAccessible(true);
            return m;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The class " + API_CLASS + " could not be loaded: " + e);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, API_CLASS + " needs the method public static void "
                    + "configure(JavalinConfig config, Database db), as in the starter: the grader starts your API "
                    + "through it.");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
