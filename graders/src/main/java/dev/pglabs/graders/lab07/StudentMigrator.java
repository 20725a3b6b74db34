package dev.pglabs.graders.lab07;

import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.BaselineResult;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/**
 * The student's {@code blog.Migrator}, called through reflection with a time limit. Its three static methods take
 * a {@link DataSource} and a migrations folder; Flyway's exceptions come back as an outcome (some checks expect
 * one), everything else (a starter's TODO, a NullPointerException, an endless loop) becomes the check's feedback.
 */
final class StudentMigrator {

    static final String CLASS = "blog.Migrator";
    static final String FILE = "src/main/java/blog/Migrator.java";

    private final Class<?> type;
    private final CheckDatabase db;

    private StudentMigrator(Class<?> type, CheckDatabase db) {
        this.type = type;
        this.db = db;
    }

    /** The student's Migrator, to be called on the check's database. */
    static StudentMigrator load(CompiledSubmission code, CheckDatabase db) {
        return new StudentMigrator(code.load(CLASS), db);
    }

    Flyways.Outcome<Flyway> flyway(DataSource dataSource, MigrationFolder folder) {
        return call("flyway", Flyway.class, dataSource, folder);
    }

    Flyways.Outcome<MigrateResult> migrate(DataSource dataSource, MigrationFolder folder) {
        return call("migrate", MigrateResult.class, dataSource, folder);
    }

    Flyways.Outcome<BaselineResult> baseline(DataSource dataSource, MigrationFolder folder) {
        return call("baseline", BaselineResult.class, dataSource, folder);
    }

    private <T> Flyways.Outcome<T> call(String name, Class<T> returns, DataSource dataSource, MigrationFolder folder) {
        Method method = method(name, returns);
        String shown = "Migrator." + name + "(dataSource, migrations)";
        return Flyways.run(db, () -> {
            try {
                return returns.cast(method.invoke(null, dataSource, folder.path()));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof FlywayException flyway) {
                    throw flyway;  // an outcome: some checks expect Flyway to refuse
                }
                throw e;  // JavaCalls explains it: not implemented yet, or an exception in the student's lines
            }
        }, shown);
    }

    private Method method(String name, Class<?> returns) {
        String signature = "public static " + returns.getSimpleName() + " " + name + "(DataSource dataSource, Path "
                + "migrations)";
        Method method;
        try {
            method = type.getDeclaredMethod(name, DataSource.class, Path.class);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, "Migrator has no method " + name + "(DataSource, Path). "
                    + "Keep the starter's signature: " + signature + " (in " + FILE + ").");
        } catch (LinkageError e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The grader cannot read the methods of Migrator: " + e);
        }
        if (!Modifier.isStatic(method.getModifiers()) || !returns.isAssignableFrom(method.getReturnType())) {
            throw new SubmissionProblem(CheckStatus.FAILED, "Migrator." + name + " must be declared as in the "
                    + "starter: " + signature + ".");
        }
        method.setAccessible(true);
        return method;
    }
}
