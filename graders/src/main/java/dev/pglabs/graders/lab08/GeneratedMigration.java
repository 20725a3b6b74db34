package dev.pglabs.graders.lab08;

import dev.pglabs.graders.lab08.sandboxed.Failure;
import dev.pglabs.graders.lab08.sandboxed.Generate;
import dev.pglabs.graders.lab08.sandboxed.Migrate;
import dev.pglabs.graders.lab08.sandboxed.Outcome;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Exercise 7's migration as the student handed it in: the V5 SQL and its model, which must be what the student's
 * own generator writes (not SQL written or edited by hand), applied with Flyway on the blog baselined at version 4.
 */
final class GeneratedMigration {

    private static final Duration MIGRATE_LIMIT = Duration.ofSeconds(30);
    /** Ebean's generator reads the entities and writes two files: far less than this on any machine. */
    private static final Duration GENERATE_LIMIT = Duration.ofSeconds(60);

    private final LabFiles files;
    private final List<String> sql;
    private final String v5;

    private GeneratedMigration(LabFiles files, List<String> sql, String v5) {
        this.files = files;
        this.sql = sql;
        this.v5 = v5;
    }

    /** The migration files in the lab, failing when the V5 SQL or its model is missing. */
    static GeneratedMigration handedIn(LabFiles files) {
        List<String> sql = MigrationFolder.names(files, "", ".sql");
        List<String> v5 = sql.stream().filter(n -> n.startsWith("V5__")).toList();
        if (v5.isEmpty()) {
            throw new AssertionFailedError(files.dir().getFileName() + "/" + MigrationFolder.PATH + " has no "
                    + "V5__*.sql" + (sql.isEmpty() ? " (no migration at all)" : " (it has " + sql + ")") + ". "
                    + "Generate the migration for the Bookmark entity with blog.GenerateMigration, version 5.");
        }
        if (MigrationFolder.names(files, "model", ".model.xml").stream().noneMatch(n -> n.startsWith("V5__"))) {
            throw new AssertionFailedError("There is " + v5.get(0) + " but no model/V5__….model.xml next to it. "
                    + "Ebean's generator writes both; the model is how it knows, next time, what the database "
                    + "already has. Generate the migration instead of writing it by hand, and keep both files.");
        }
        return new GeneratedMigration(files, sql, v5.get(0));
    }

    String name() {
        return v5;
    }

    /**
     * Runs the student's generator from the models before version 5 and compares what it writes with the V5 handed
     * in (statements only: comments and spacing aside).
     */
    void matchesTheGenerator(StudentJvm jvm, CompiledSubmission code, LabFiles files) {
        List<String> before = MigrationFolder.names(files, "model", ".model.xml").stream()
                .filter(n -> n.matches("V[0-4]__.*")).toList();
        Path models = MigrationFolder.copy(files, "model", before);
        // A fresh worker: Ebean's static state (its default database, which a wrong answer to another exercise may
        // have broken for good in this process) must not decide this check. One that ran nothing yet is fresh.
        jvm.ensureFresh("was restarted for the migration generator");
        Outcome run;
        try {
            run = jvm.call(new Generate(jvm.code(code), jvm.share(models), files.dir().getFileName()
                    + "/src/main/java"), GENERATE_LIMIT, "blog.GenerateMigration.generate(lab, \"5\", \"add bookmarks\")");
        } finally {
            ScratchFolders.deleteTree(models);
        }
        String shown = "blog.GenerateMigration.generate(lab, \"5\", \"add bookmarks\")";
        if (run.failure() != null) {
            throw StudentRepository.failure("The grader ran your generator from the models before version 5 "
                    + before + ": " + shown, run.failure());
        }
        if (run.value() == null) {
            throw new AssertionFailedError("The grader ran your generator from the models before version 5 " + before
                    + ": " + shown + " wrote no V5__*.sql into src/main/resources/dbmigration.");
        }
        String generated = MigrationFolder.statements((String) run.value());
        String handedIn = MigrationFolder.statements(files.text(MigrationFolder.PATH + "/" + v5));
        if (!generated.equals(handedIn)) {
            throw new AssertionFailedError("Your " + v5 + " is not what your generator writes: the grader ran "
                    + shown + " from the models before version 5 " + before + " and compared the statements "
                    + "(comments and spacing aside). The first that differs:\n  generated: " + firstDifference(
                    generated, handedIn) + "\nDo not write or edit the migration by hand: change the entity, delete "
                    + "the V5 files and run blog.GenerateMigration again (README section 8), then keep both files.");
        }
    }

    /** Flyway over a read-only copy of the student's .sql files, in the worker, as the student's role. */
    void applyWithFlyway(StudentJvm jvm, CheckDatabase db) {
        Path copy = MigrationFolder.copy(files, "", sql);
        Failure refused;
        try {
            refused = jvm.call(new Migrate(jvm.share(copy), jvm.database(db.studentTarget())), MIGRATE_LIMIT,
                    "Flyway migrating with " + sql);
        } finally {
            ScratchFolders.deleteTree(copy);
        }
        if (refused != null) {
            throw new AssertionFailedError("The grader baselined the blog database at version 4 (lab 07's "
                    + "schema) and ran Flyway with " + sql + ". It failed:\n" + refused.described());
        }
    }

    private static String firstDifference(String generated, String handedIn) {
        List<String> a = generated.lines().toList();
        List<String> b = handedIn.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(nothing)";
            String y = i < b.size() ? b.get(i) : "(nothing)";
            if (!x.equals(y)) {
                return x + "\n  yours:     " + y;
            }
        }
        return "(none)";
    }
}
