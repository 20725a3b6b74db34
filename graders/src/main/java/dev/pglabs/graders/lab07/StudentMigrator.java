package dev.pglabs.graders.lab07;

import dev.pglabs.graders.lab07.sandboxed.FlywayFailure;
import dev.pglabs.graders.lab07.sandboxed.MigratorCall;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentJvm;

import java.time.Duration;

/**
 * The student's {@code blog.Migrator}, called in the submission's worker ({@link StudentJvm}) with a time limit. Its
 * three static methods take a DataSource (the check's database as the student's role) and a migrations folder (a
 * read-only copy in the worker); Flyway's exceptions come back as an outcome (some checks expect one), everything
 * else (a starter's TODO, a NullPointerException, an endless loop) becomes the check's feedback.
 */
final class StudentMigrator {

    /** How a call ended: what it returned ({@code null} when the method returned null), or Flyway's failure. */
    record Outcome<T>(T value, FlywayFailure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** What migrate or baseline returned: the count of migrations a MigrateResult reports (null for baseline). */
    record Ran(Integer migrationsExecuted) {
    }

    /**
     * The lab's migrations take well under a second, but the first call in a fresh worker also loads Flyway and the
     * driver there (the grader's JVM has them loaded already), which takes seconds on a busy machine.
     */
    static final Duration LIMIT = Duration.ofSeconds(20);

    private final StudentJvm jvm;
    private final CodeRef code;
    private final CheckDatabase db;

    private StudentMigrator(StudentJvm jvm, CodeRef code, CheckDatabase db) {
        this.jvm = jvm;
        this.code = code;
        this.db = db;
    }

    /** The student's Migrator, to be called on the check's database. */
    static StudentMigrator load(StudentJvm jvm, CompiledSubmission code, CheckDatabase db) {
        return new StudentMigrator(jvm, jvm.code(code), db);
    }

    Outcome<MigratorCall.Facts> flyway(MigrationFolder folder) {
        MigratorCall.Result r = call("flyway", folder);
        return new Outcome<>(r.returnedNull() ? null : r.facts(), r.failure());
    }

    Outcome<Ran> migrate(MigrationFolder folder) {
        MigratorCall.Result r = call("migrate", folder);
        return new Outcome<>(r.returnedNull() || r.failure() != null ? null : new Ran(r.migrationsExecuted()),
                r.failure());
    }

    Outcome<Ran> baseline(MigrationFolder folder) {
        MigratorCall.Result r = call("baseline", folder);
        return new Outcome<>(r.returnedNull() || r.failure() != null ? null : new Ran(null), r.failure());
    }

    private MigratorCall.Result call(String name, MigrationFolder folder) {
        String shown = "Migrator." + name + "(dataSource, migrations)";
        String host = folder.path().toAbsolutePath().toString();
        try {
            // The database as the worker reaches it now: a worker restarted since the last call (after a limit) has
            // a way to it of its own.
            ConnectionTarget inside = jvm.database(db.studentTarget());
            return jvm.call(new MigratorCall(code, name, inside, jvm.share(folder.path()), host), LIMIT, shown);
        } catch (CheckFailure e) {
            if (e.status() == CheckStatus.TIMEOUT) {
                Flyways.endStudentStatements(db);
            }
            throw e;
        }
    }
}
