package dev.pglabs.graders.lab07.sandboxed;

import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.BaselineResult;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * One static method of the student's {@code blog.Migrator} — {@code flyway}, {@code migrate} or {@code baseline}
 * {@code (DataSource, Path migrations)} — on the check's database as the student's role and a read-only copy of the
 * migrations. Flyway's exceptions come back as an answer (some checks expect Flyway to refuse); a returned Flyway
 * comes back as the facts of its configuration the checks read.
 *
 * @param folder the worker's copy of the migrations; {@code shownAs} is the path the feedback names instead
 */
public record MigratorCall(CodeRef code, String method, ConnectionTarget target, String folder, String shownAs)
        implements StudentTask<MigratorCall.Result> {

    static final String CLASS = "blog.Migrator";
    static final String FILE = "src/main/java/blog/Migrator.java";
    static final String LAB = "07-migrations-flyway";
    static final int SOCKET_TIMEOUT_SECONDS = 50;

    /** What the checks read off a Flyway: its safety settings, where it looks, and whether it uses the given pool. */
    public record Facts(boolean cleanDisabled, boolean validateOnMigrate, boolean outOfOrder, boolean baselineOnMigrate,
                        ArrayList<String> locations, boolean givenDataSource) implements Serializable {
    }

    /**
     * {@code returnedNull} when the method returned null; {@code migrationsExecuted} of a MigrateResult; the facts of a
     * returned Flyway; or Flyway's failure.
     */
    public record Result(boolean returnedNull, Integer migrationsExecuted, Facts facts, FlywayFailure failure)
            implements Serializable {
    }

    @Override
    public Result run(WorkerContext context) throws Exception {
        Class<?> returns = switch (method) {
            case "flyway" -> Flyway.class;
            case "migrate" -> MigrateResult.class;
            case "baseline" -> BaselineResult.class;
            default -> throw new IllegalArgumentException(method);
        };
        Method m = method(context, returns);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(target.jdbcUrl());
        ds.setUser(target.user());
        ds.setPassword(target.password());
        ds.setApplicationName("pglabs-student");
        ds.setConnectTimeout(10);
        // A backstop for a migration that never returns; the call itself is stopped at its limit (20 s).
        ds.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        // The student's classes are the context class loader, as in the application: Flyway.configure() then finds
        // the Java migrations and callbacks the student compiled on a classpath: location.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(context.loader(code));
        Object value;
        try {
            value = m.invoke(null, (DataSource) ds, Path.of(folder));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof FlywayException flyway) {
                return new Result(false, null, null, FlywayFailure.of(flyway).replacing(folder, shownAs));
            }
            throw e;  // explained by the grader: not implemented yet, or an exception in the student's lines
        } finally {
            thread.setContextClassLoader(before);
        }
        if (value == null) {
            return new Result(true, null, null, null);
        }
        if (value instanceof MigrateResult result) {
            return new Result(false, result.migrationsExecuted, null, null);
        }
        if (value instanceof Flyway flyway) {
            Configuration config = flyway.getConfiguration();
            ArrayList<String> locations = new ArrayList<>(Arrays.stream(config.getLocations()).map(Object::toString)
                    .map(l -> l.replace(folder, shownAs)).toList());
            return new Result(false, null, new Facts(config.isCleanDisabled(), config.isValidateOnMigrate(),
                    config.isOutOfOrder(), config.isBaselineOnMigrate(), locations, config.getDataSource() == ds), null);
        }
        return new Result(false, null, null, null);
    }

    private Method method(WorkerContext context, Class<?> returns) throws ClassNotFoundException {
        String signature = "public static " + returns.getSimpleName() + " " + method + "(DataSource dataSource, Path "
                + "migrations)";
        if (!context.has(code, CLASS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + CLASS + " is missing. Expected it in "
                    + LAB + "/" + FILE + " (check the package line and the class name).");
        }
        Method found;
        try {
            found = context.load(code, CLASS).getDeclaredMethod(method, DataSource.class, Path.class);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, "Migrator has no method " + method + "(DataSource, Path). "
                    + "Keep the starter's signature: " + signature + " (in " + FILE + ").");
        }
        if (!Modifier.isStatic(found.getModifiers()) || !returns.isAssignableFrom(found.getReturnType())) {
            throw new SubmissionProblem(CheckStatus.FAILED, "Migrator." + method + " must be declared as in the "
                    + "starter: " + signature + ".");
        }
        found.setAccessible(true);
        return found;
    }
}
