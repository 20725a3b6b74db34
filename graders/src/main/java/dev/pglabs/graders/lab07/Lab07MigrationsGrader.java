package dev.pglabs.graders.lab07;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.grading.ConstraintProbe.SqlState;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;


/**
 * Grades lab 07 (migrations with Flyway) in two halves.
 *
 * <p>The SQL half (01-05) runs the student's {@code db/migration} with the grader's own Flyway (Flyway's defaults),
 * so the migrations are graded even while the Java is unfinished: from an empty database; on "production" at V1
 * with rows ({@link ProductionUpgrade}); the constraints they leave; the repeatable view ({@link PostListingView});
 * and Flyway's validate afterwards, which catches an applied migration that was edited ({@link UpgradeValidation}).
 *
 * <p>The Java half (06-11) calls the student's {@code blog.Migrator} with the grader's own test migrations
 * ({@link TestMigrations}), so it grades the Java alone ({@link MigratorTrials}).
 *
 * <p>Everything runs as the check's unprivileged student role on the check's own database.
 */
@Grader(lab = "07-migrations-flyway")
@DisplayName("Lab 07 · Migrations with Flyway")
class Lab07MigrationsGrader {

    static {
        Flyways.quiet();
    }

    static final String LAB = "07-migrations-flyway";

    // ---- the SQL migrations ------------------------------------------------------------------------------

    @Check(id = "01-from-empty", points = 2,
            hint = "Each task is one file in db/migration named V<version>__<description>.sql (two underscores). "
                    + "Run your migrations on an empty database yourself: README section 3 shows how.")
    @DisplayName("01 your migrations build the blog's latest schema on an empty database (V1 to V4)")
    void e01_fromEmpty(LabFiles files, CheckDatabase db) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            BlogSchema.requireVersions(folder);
            Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, Flyways.dataSource(db.studentTarget()), folder);
            if (!run.ok()) {
                throw new AssertionFailedError("The grader ran your migrations on an EMPTY database, as on a new "
                        + "laptop, and they failed.\n" + Flyways.explain(run.failure(), folder));
            }
            BlogSchema.problems(db).failIfAny("Flyway applied " + Flyways.listing(new SchemaHistory(db,
                    new GraderReads(db)).appliedScripts()) + " to an empty database, but the schema they leave is "
                    + "not the one the tasks ask for:");
        }
    }

    @Check(id = "02-upgrade", points = 4,
            guards = "production's rows against being lost by the upgrade",
            hint = "Test on data, not only on an empty database: load datasets/blog-v1/data.sql after V1 and run "
                    + "your migrations (README section 3). Add, backfill, then tighten; clean, then constrain.")
    @DisplayName("02 upgrading production (at V1, with rows) carries every row to the new schema, nothing lost")
    void e02_upgrade(LabFiles files, CheckDatabase db, GradingSession session) {
        ProductionUpgrade.check(files, db, session, BlogV1.DATA, "the 12 users and 16 posts of "
                + "datasets/blog-v1/data.sql");
    }

    @Check(id = "03-constraints", points = 2,
            hint = "Each rule of the task is a constraint the database enforces: which statuses are allowed, a "
                    + "default, NOT NULL, and what a stored email must look like (and that it is unique).")
    @DisplayName("03 the new schema keeps its data clean: status and email rules are enforced")
    void e03_constraints(LabFiles files, CheckDatabase db) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            migrateFromEmpty(db, folder);
            BlogSchema.requireColumns(db, "the constraints");
            ConstraintProbe probe = new ConstraintProbe(db);
            probe.expectAccepted(insertUser("grader_ana", "'grader.ana@example.com'", "'Ana'", "'Lima'"),
                    "a user with a clean email, a first and a last name");
            probe.expectAccepted(insertUser("grader_plato", "'grader.plato@example.com'", "'Plato'", "NULL"),
                    "a user with a one-word name (last_name NULL)");
            probe.expectRejected(insertUser("grader_nobody", "'grader.nobody@example.com'", "NULL", "'Nobody'"),
                    SqlState.NOT_NULL, "a user without a first_name", "first_name must be NOT NULL");
            probe.expectRejected(insertUser("grader_bob", "'Grader.Bob@Example.com'", "'Bob'", "NULL"),
                    SqlState.CHECK, "an email with upper-case letters",
                    "emails must be stored lower case: CHECK (email = lower(btrim(email)))");
            probe.expectRejected(insertUser("grader_bob", "' grader.bob@example.com'", "'Bob'", "NULL"),
                    SqlState.CHECK, "an email with a space in front",
                    "emails must be stored without spaces around them: CHECK (email = lower(btrim(email)))");
            probe.expectRejected(insertUser("grader_ana2", "'grader.ana@example.com'", "'Ana'", "'Other'"),
                    SqlState.UNIQUE, "a second user with the email of the first", "email must be UNIQUE");
            if (probe.expectAccepted(insertPost("grader draft", null), "a post that does not say its status")) {
                Object status = probe.value("SELECT status::text FROM posts WHERE title = 'grader draft'");
                if (!"draft".equals(status)) {
                    probe.problem("A post inserted without a status got status " + Flyways.quote(status)
                            + ": the column needs DEFAULT 'draft'.", insertPost("grader draft", null));
                }
            }
            probe.expectAccepted(insertPost("grader archived", "'archived'"), "a post with status 'archived'");
            probe.expectRejected(insertPost("grader deleted", "'deleted'"), SqlState.CHECK,
                    "a post with status 'deleted'", "status must be one of 'draft', 'published', 'archived'");
            probe.expectRejected(insertPost("grader null", "NULL"), SqlState.NOT_NULL,
                    "a post with status NULL", "status must be NOT NULL");
            probe.assertNoProblems("The grader migrated an empty database with your migrations and tried rows "
                    + "against the new schema (" + probe.problemCount() + " of " + probe.attempts() + " tests "
                    + "failed):");
        }
    }

    @Check(id = "04-repeatable-view", points = 2,
            hint = "A repeatable migration runs again whenever its file changes, so its SQL must work on a database "
                    + "where the view already exists. Section 7 names the file pattern.")
    @DisplayName("04 the repeatable migration creates the view post_listing and runs again when it changes")
    void e04_repeatableView(LabFiles files, CheckDatabase db) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            if (folder.repeatables().isEmpty()) {
                throw new AssertionFailedError(folder.shownAs() + " has no repeatable migration. The view belongs "
                        + "in a file named R__<description>.sql (the starter's is R__post_listing_view.sql): "
                        + "repeatable migrations have no version and run after the versioned ones."
                        + BlogSchema.misnamedNote(folder));
            }
            migrateFromEmpty(db, folder);
            PostListingView view = new PostListingView(db, new GraderReads(db));
            view.requireShape(folder);
            BlogSchema.requireColumns(db, "the view");
            view.insertTestRows();
            view.compareRows("the grader added 3 users and 5 posts (published, draft and archived) to the migrated "
                    + "database");
            view.rerunAfterChange(folder);
            view.compareRows("the grader changed your repeatable migration and Flyway ran it again");
        }
    }

    @Check(id = "05-validate", points = 1,
            hint = "Never edit, rename or delete a migration once it is applied somewhere: V1 is already in "
                    + "production. Put every change into a new migration with the next version.")
    @DisplayName("05 after the upgrade, Flyway's validate finds your files matching production's history")
    void e05_validate(LabFiles files, CheckDatabase db, GradingSession session) {
        UpgradeValidation.check(files, db, session);
    }

    // ---- the Java: blog.Migrator --------------------------------------------------------------------------

    @Check(id = "06-migrator-migrate", points = 2,
            hint = "flyway() configures Flyway with the data source and the folder of migrations given (a "
                    + "filesystem location); migrate() uses it to migrate. Section 9 shows Flyway's builder.")
    @DisplayName("06 Migrator.migrate brings an empty database to the latest version, and a second start changes "
            + "nothing")
    void e06_migratorMigrates(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) {
        new MigratorTrials(StudentMigrator.load(jvm, code, db), db).migratesTwice();
    }

    @Check(id = "07-migrator-keeps-data", points = 1,
            guards = "existing rows against being lost when the migrator runs",
            hint = "migrate() runs flyway.migrate() and nothing else: no clean(), no dropping or re-creating tables.")
    @DisplayName("07 Migrator.migrate upgrades a database that holds rows and keeps every row")
    void e07_migratorKeepsData(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, GradingSession session) {
        new MigratorTrials(StudentMigrator.load(jvm, code, db), db).keepsRows(production(session));
    }

    @Check(id = "08-migrator-validates", points = 2,
            hint = "Keep Flyway's validateOnMigrate (on by default) and let migrate()'s exceptions out: an "
                    + "application must not start when an applied migration was changed.")
    @DisplayName("08 Migrator.migrate refuses to run when an applied migration was edited")
    void e08_migratorValidates(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) {
        new MigratorTrials(StudentMigrator.load(jvm, code, db), db).refusesEditedMigration();
    }

    @Check(id = "09-migrator-clean-disabled", points = 1,
            guards = "production against clean(), which drops every object of the schema",
            hint = "Remove cleanDisabled(false) (and any call of clean()): Flyway's default keeps clean() "
                    + "disabled.")
    @DisplayName("09 Migrator.flyway keeps clean() disabled, so no call can wipe production")
    void e09_migratorCleanDisabled(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) {
        new MigratorTrials(StudentMigrator.load(jvm, code, db), db).keepsCleanDisabled();
    }

    @Check(id = "10-migrator-baseline", points = 1,
            hint = "Flyway has a command for adopting a database that exists already; use the same configuration as "
                    + "for migrate. Which version does it record by default?")
    @DisplayName("10 Migrator.baseline adopts a database built by hand at V1; migrate then skips V1 and applies "
            + "the rest")
    void e10_migratorBaseline(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, GradingSession session) {
        new MigratorTrials(StudentMigrator.load(jvm, code, db), db).baselinesAtV1(production(session));
    }

    @Check(id = "11-migrator-no-auto-baseline", points = 1,
            hint = "Leave baselineOnMigrate alone (off by default): a database without Flyway's history is adopted "
                    + "only when the application calls baseline on purpose.")
    @DisplayName("11 Migrator.migrate refuses a database that has tables but no Flyway history instead of adopting "
            + "it by itself")
    void e11_migratorNoAutoBaseline(CompiledSubmission code, StudentJvm jvm, CheckDatabase db,
                                    GradingSession session) {
        new MigratorTrials(StudentMigrator.load(jvm, code, db), db).refusesUnknownDatabase(production(session));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String production(GradingSession session) {
        return BlogV1.rows(session.course(), BlogV1.DATA);
    }

    private static void migrateFromEmpty(CheckDatabase db, MigrationFolder folder) {
        Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, Flyways.dataSource(db.studentTarget()), folder);
        if (!run.ok()) {
            throw new AssertionFailedError("The grader ran your migrations on an empty database, and they failed.\n"
                    + Flyways.explain(run.failure(), folder));
        }
    }

    private static String insertUser(String username, String email, String first, String last) {
        return "INSERT INTO users (username, email, first_name, last_name) VALUES ('" + username + "', " + email
                + ", " + first + ", " + last + ")";
    }

    private static String insertPost(String title, String status) {
        return "INSERT INTO posts (user_id, title, body" + (status == null ? "" : ", status") + ") SELECT id, '"
                + title + "', 'written by the grader'" + (status == null ? "" : ", " + status)
                + " FROM users WHERE username = 'grader_ana'";
    }
}
