package dev.pglabs.graders.lab07;

import dev.pglabs.graders.lab07.sandboxed.MigratorCall;
import org.flywaydb.core.Flyway;
import dev.pglabs.worker.StudentJvm;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.CatalogInspector.Column;
import dev.pglabs.grading.CatalogInspector.RelationKind;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.grading.ConstraintProbe.SqlState;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.PartialCredit;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.submission.LabFiles;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Grades lab 07 (migrations with Flyway) in two halves.
 *
 * <p>The SQL half runs the student's {@code db/migration} with the grader's own Flyway (Flyway's defaults), so
 * the migrations are graded even while the Java is unfinished: from an empty database; on "production", a
 * database that Flyway put at version 1 with the original V1 and that holds rows (visible data, and hidden
 * messier data), where every row must arrive transformed and nothing may be lost; the constraints the
 * migrations leave; the repeatable view, also when its file changes; and Flyway's validate afterwards, which
 * catches an applied migration that was edited.
 *
 * <p>The Java half calls the student's {@code blog.Migrator} with a folder of the grader's own test migrations,
 * so it grades the Java alone: migrate at start-up, keep data, refuse an edited applied migration (validate on
 * migrate stays on), keep clean disabled, baseline a database built by hand.
 *
 * <p>Everything runs as the check's unprivileged student role on the check's own database.
 */
@Grader(lab = "07-migrations-flyway")
@DisplayName("Lab 07 · Migrations with Flyway")
class Lab07MigrationsGrader {

    static {
        Flyways.quiet();
    }

    private static final String LAB = "07-migrations-flyway";
    private static final List<String> VERSIONS = List.of("1", "2", "3", "4");
    private static final Map<String, String> STARTER_NAMES = Map.of(
            "1", BlogV1.V1_FILE, "2", "V2__add_post_status.sql", "3", "V3__split_full_name.sql",
            "4", "V4__clean_emails_add_constraints.sql");
    private static final String VIEW = "post_listing";
    private static final List<String> VIEW_COLUMNS = List.of("post_id", "title", "author", "published_at");
    private static final String HISTORY = "flyway_schema_history";

    /** The grader's own test migrations for the Java checks: the original V1, a small V2 and a repeatable view. */
    private static final String TEST_V2 = "V2__grader_check.sql";
    private static final String TEST_R = "R__grader_check_view.sql";
    private static final String TEST_V3 = "V3__grader_next.sql";

    // ---- the SQL migrations ------------------------------------------------------------------------------

    @Check(id = "01-from-empty", points = 2,
            hint = "Each task is one file in db/migration named V<version>__<description>.sql (two underscores). "
                    + "Run your migrations on an empty database yourself: README section 3 shows how.")
    @DisplayName("01 your migrations build the blog's latest schema on an empty database (V1 to V4)")
    void e01_fromEmpty(LabFiles files, CheckDatabase db) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            requireVersions(folder);
            Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, dataSource(db), folder);
            if (!run.ok()) {
                throw new AssertionFailedError("The grader ran your migrations on an EMPTY database, as on a new "
                        + "laptop, and they failed.\n" + Flyways.explain(run.failure(), folder));
            }
            List<String> problems = schemaProblems(db);
            if (!problems.isEmpty()) {
                throw new AssertionFailedError("Flyway applied " + Flyways.listing(appliedScripts(db)) + " to an "
                        + "empty database, but the schema they leave is not the one the tasks ask for:\n- "
                        + String.join("\n- ", problems));
            }
        }
    }

    @Check(id = "02-upgrade", points = 4,
            hint = "Test on data, not only on an empty database: load datasets/blog-v1/data.sql after V1 and run "
                    + "your migrations (README section 3). Add, backfill, then tighten; clean, then constrain.")
    @DisplayName("02 upgrading production (at V1, with rows) carries every row to the new schema, nothing lost")
    void e02_upgrade(LabFiles files, CheckDatabase db, GradingSession session) {
        upgrade(files, db, session, BlogV1.DATA, "the 12 users and 16 posts of datasets/blog-v1/data.sql");
    }

    @Check(id = "03-constraints", points = 2,
            hint = "Each rule of the task is a constraint the database enforces: which statuses are allowed, a "
                    + "default, NOT NULL, and what a stored email must look like (and that it is unique).")
    @DisplayName("03 the new schema keeps its data clean: status and email rules are enforced")
    void e04_constraints(LabFiles files, CheckDatabase db) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            migrateFromEmpty(db, folder);
            requireColumns(db, "the constraints");
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
                    probe.problem("A post inserted without a status got status " + quote(status)
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
    void e05_repeatableView(LabFiles files, CheckDatabase db) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            if (folder.repeatables().isEmpty()) {
                throw new AssertionFailedError(folder.shownAs() + " has no repeatable migration. The view belongs "
                        + "in a file named R__<description>.sql (the starter's is R__post_listing_view.sql): "
                        + "repeatable migrations have no version and run after the versioned ones."
                        + misnamedNote(folder));
            }
            migrateFromEmpty(db, folder);
            CatalogInspector catalog = new CatalogInspector(db);
            Optional<RelationKind> kind = catalog.relation(VIEW);
            if (kind.isEmpty() || kind.get() != RelationKind.VIEW) {
                throw new AssertionFailedError("After your migrations ran, " + (kind.isEmpty()
                        ? "there is no view named " + VIEW : VIEW + " is " + kind.get().inWords() + ", not a view")
                        + ". Create it in " + Flyways.listing(folder.repeatables()) + " with CREATE OR REPLACE VIEW "
                        + VIEW + " AS SELECT ….");
            }
            List<String> columns = catalog.columns(VIEW).stream().map(Column::name).toList();
            if (!columns.equals(VIEW_COLUMNS)) {
                throw new AssertionFailedError("The view " + VIEW + " has the columns " + columns + "; it must have "
                        + VIEW_COLUMNS + ", in this order. (Changing a view's columns needs DROP VIEW IF EXISTS "
                        + VIEW + "; before CREATE VIEW: CREATE OR REPLACE VIEW may only add columns at the end.)");
            }
            requireColumns(db, "the view");
            insertViewRows(db);
            compareView(db, "the grader added 3 users and 5 posts (published, draft and archived) to the "
                    + "migrated database");

            List<String> repeatables = folder.repeatables();
            MigrationFolder touched = folder;
            for (String file : repeatables) {
                MigrationFolder next = touched.edited(file, text -> text + "\n-- changed by the grader: a repeatable "
                        + "migration runs again whenever its file changes\n");
                if (touched != folder) {
                    touched.close();
                }
                touched = next;
            }
            try (MigrationFolder changed = touched) {
                Flyways.Outcome<MigrateResult> rerun = Flyways.migrate(db, dataSource(db), changed);
                if (!rerun.ok()) {
                    throw new AssertionFailedError("The grader added a comment line to " + Flyways.listing(repeatables)
                            + " and migrated again, as Flyway does after a teammate changes the view. Flyway ran the "
                            + "repeatable migration again, and it failed.\n" + Flyways.explain(rerun.failure(),
                            changed));
                }
            }
            List<String> rerun = repeatables.stream().filter(f -> appliedCount(db, f) < 2).toList();
            if (!rerun.isEmpty()) {
                throw new AssertionFailedError("After " + Flyways.listing(rerun) + " changed, Flyway did not apply it "
                        + "again. Check that the file name starts with R__ and ends with .sql.\n" + historyTable(db));
            }
            compareView(db, "the grader changed your repeatable migration and Flyway ran it again");
        }
    }

    @Check(id = "05-validate", points = 1,
            hint = "Never edit, rename or delete a migration once it is applied somewhere: V1 is already in "
                    + "production. Put every change into a new migration with the next version.")
    @DisplayName("05 after the upgrade, Flyway's validate finds your files matching production's history")
    void e06_validate(LabFiles files, CheckDatabase db, GradingSession session) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            List<String> unfinished = folder.withoutSql();
            if (!unfinished.isEmpty()) {
                throw new AssertionFailedError(Flyways.listing(unfinished) + (unfinished.size() == 1 ? " holds" : " hold")
                        + " no SQL yet, only comments. Validate is checked on the finished upgrade: write the "
                        + "migrations first.");
            }
            DataSource ds = dataSource(db);
            BlogV1.migratedToV1(db, ds, BlogV1.rows(session.course(), BlogV1.DATA), "datasets/blog-v1/data.sql");
            Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, ds, folder);
            if (!run.ok()) {
                throw new AssertionFailedError("The grader put production at version 1 (Flyway applied the original "
                        + BlogV1.V1_FILE + ") and migrated it with your folder, which failed, so the history cannot "
                        + "match your files.\n" + Flyways.explain(run.failure(), folder));
            }
            Flyways.Outcome<ValidateResult> validation = Flyways.run(db, () -> Flyway.configure(
                            Flyways.class.getClassLoader()).dataSource(ds).locations(folder.location())
                    .validateMigrationNaming(true).load().validateWithResult(), "Flyway validating");
            if (!validation.ok()) {
                throw new AssertionFailedError("flyway.validate() failed on the upgraded production database:\n"
                        + Flyways.indent(Flyways.clean(validation.failure().getMessage(), folder)));
            }
            ValidateResult result = validation.value();
            if (!result.validationSuccessful) {
                String messages = result.invalidMigrations.stream()
                        .map(o -> "- " + (o.filepath == null || o.filepath.isBlank() ? "version " + o.version
                                : folder.shown(o.filepath)) + ": " + firstLine(o.errorDetails == null ? ""
                                : o.errorDetails.errorMessage))
                        .collect(Collectors.joining("\n"));
                throw new AssertionFailedError("flyway.validate() on the upgraded production database says your "
                        + "files do not match its history:\n" + (messages.isEmpty()
                        ? Flyways.indent(Flyways.clean(result.getAllErrorMessages(), folder)) : messages));
            }
        }
    }

    // ---- the Java: blog.Migrator --------------------------------------------------------------------------

    @Check(id = "06-migrator-migrate", points = 2,
            hint = "flyway() configures Flyway with the data source and the folder of migrations given (a "
                    + "filesystem location); migrate() uses it to migrate. Section 9 shows Flyway's builder.")
    @DisplayName("06 Migrator.migrate brings an empty database to the latest version, and a second start changes "
            + "nothing")
    void e07_migratorMigrates(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) {
        StudentMigrator migrator = StudentMigrator.load(jvm, code, db);
        try (MigrationFolder folder = testMigrations()) {
            DataSource ds = dataSource(db);
            StudentMigrator.Outcome<StudentMigrator.Ran> first = migrator.migrate(folder);
            if (!first.ok()) {
                throw new AssertionFailedError("Migrator.migrate(dataSource, migrations) failed on an empty database "
                        + "with " + testFolderNote() + ":\n" + Flyways.explain(first.failure(), folder));
            }
            List<String> applied = appliedScripts(db);
            if (!applied.containsAll(folder.names())) {
                throw new AssertionFailedError("Migrator.migrate(dataSource, migrations) returned, but the database "
                        + "has " + (applied.isEmpty() ? "no migrations applied" : "only " + Flyways.listing(applied)
                        + " applied") + "; expected all of " + testFolderNote() + "."
                        + whereItLooked(migrator, folder));
            }
            if (first.value() == null) {
                throw new AssertionFailedError("Migrator.migrate(…) applied the migrations but returned null: return "
                        + "the MigrateResult that flyway.migrate() gives you (the application logs it).");
            }
            if (first.value().migrationsExecuted() != folder.names().size()) {
                throw new AssertionFailedError("Migrator.migrate(…) returned a MigrateResult that says "
                        + first.value().migrationsExecuted() + " migrations ran, but " + folder.names().size()
                        + " did: return the result of flyway.migrate() itself.");
            }
            StudentMigrator.Outcome<StudentMigrator.Ran> second = migrator.migrate(folder);
            if (!second.ok()) {
                throw new AssertionFailedError("The application starts many times on the same database. The first "
                        + "Migrator.migrate(…) worked, the second failed:\n" + Flyways.explain(second.failure(),
                        folder));
            }
            int again = appliedScripts(db).size() - applied.size();
            if (again != 0 || second.value() == null || second.value().migrationsExecuted() != 0) {
                throw new AssertionFailedError("The application starts many times on the same database, and the "
                        + "second start must apply nothing: Flyway knows from flyway_schema_history what already "
                        + "ran. The second Migrator.migrate(…) " + (second.value() == null ? "returned null"
                        : "reports " + second.value().migrationsExecuted() + " migrations executed") + ".\n"
                        + historyTable(db) + cleanNote(migrator, folder));
            }
        }
    }

    @Check(id = "07-migrator-keeps-data", points = 1,
            hint = "migrate() runs flyway.migrate() and nothing else: no clean(), no dropping or re-creating tables.")
    @DisplayName("07 Migrator.migrate upgrades a database that holds rows and keeps every row")
    void e08_migratorKeepsData(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, GradingSession session) {
        StudentMigrator migrator = StudentMigrator.load(jvm, code, db);
        try (MigrationFolder folder = testMigrations()) {
            DataSource ds = dataSource(db);
            BlogV1.migratedToV1(db, ds, BlogV1.rows(session.course(), BlogV1.DATA), "datasets/blog-v1/data.sql");
            ResultTable users = read(db, "SELECT * FROM users");
            ResultTable posts = read(db, "SELECT * FROM posts");
            StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(folder);
            if (!run.ok()) {
                throw new AssertionFailedError("The grader put a database at version 1 with 12 users and 16 posts, "
                        + "then called Migrator.migrate(…) with " + testFolderNote() + ". It failed:\n"
                        + Flyways.explain(run.failure(), folder));
            }
            List<String> lost = new ArrayList<>();
            CatalogInspector catalog = new CatalogInspector(db);
            for (String table : List.of("users", "posts")) {
                if (!catalog.hasTable(table)) {
                    lost.add("the table " + table + " is gone");
                    continue;
                }
                Comparison c = ResultComparator.compare(table.equals("users") ? users : posts,
                        read(db, "SELECT * FROM " + table), CompareOptions.unordered());
                if (!c.matches()) {
                    lost.add(table + " changed: " + c.missingRows().size() + " of its rows are gone or different");
                }
            }
            if (!lost.isEmpty()) {
                throw new AssertionFailedError("The grader put a database at version 1 with 12 users and 16 posts, "
                        + "then called Migrator.migrate(…), which only had to add V2 and a view. Afterwards "
                        + String.join("; ", lost) + ". Did migrate() call clean() (it drops everything) or "
                        + "drop and recreate the schema? At start-up an application only migrates.");
            }
            if (appliedCount(db, BlogV1.V1_FILE) != 1 || appliedCount(db, TEST_V2) != 1) {
                throw new AssertionFailedError("After Migrator.migrate(…) the history should show V1 (applied "
                        + "before) and V2 (applied now), once each:\n" + historyTable(db)
                        + whereItLooked(migrator, folder));
            }
        }
    }

    @Check(id = "08-migrator-validates", points = 2,
            hint = "Keep Flyway's validateOnMigrate (on by default) and let migrate()'s exceptions out: an "
                    + "application must not start when an applied migration was changed.")
    @DisplayName("08 Migrator.migrate refuses to run when an applied migration was edited")
    void e09_migratorValidates(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) {
        StudentMigrator migrator = StudentMigrator.load(jvm, code, db);
        try (MigrationFolder folder = testMigrations()) {
            DataSource ds = dataSource(db);
            Flyways.Outcome<MigrateResult> setup = Flyways.migrate(db, ds, folder);
            if (!setup.ok()) {
                throw new IllegalStateException("the grader's own migration failed", setup.failure());
            }
            try (MigrationFolder edited = folder.edited(TEST_V2, text -> text
                    + "\n-- edited after it was applied:\nALTER TABLE grader_check ADD COLUMN edited_later text;\n")) {
                try (MigrationFolder withNext = edited.with(TEST_V3, "CREATE TABLE grader_next (id integer);\n")) {
                    StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(withNext);
                    CatalogInspector catalog = new CatalogInspector(db);
                    boolean wentOn = catalog.hasTable("grader_next");
                    if (run.ok()) {
                        throw new AssertionFailedError("The grader applied V1, V2 and a view, then edited V2 (the "
                                + "kind of change a teammate makes to an old file) and added a new V3. "
                                + "Migrator.migrate(…) did not refuse: it returned normally"
                                + (wentOn ? " and applied V3" : "") + ". The database was built from the OLD V2, "
                                + "so Flyway's history no longer describes it; an application must stop here."
                                + configDiagnosis(migrator, withNext));
                    }
                    String message = String.valueOf(run.failure().message()).toLowerCase(Locale.ROOT);
                    if (!message.contains("checksum mismatch")) {
                        String where = whereItLooked(migrator, withNext);
                        throw new AssertionFailedError("After V2 was edited, Migrator.migrate(…) failed, but not "
                                + "because of the edit (Flyway's checksum mismatch)" + (where.isEmpty() ? ":\n"
                                + Flyways.explain(run.failure(), withNext) : ": it did not find the migrations at all."
                                + where));
                    }
                    if (wentOn) {
                        throw new AssertionFailedError("Migrator.migrate(…) reported the checksum mismatch but "
                                + "applied V3 anyway. Validate first, migrate only when validation passes.");
                    }
                }
            }
        }
    }

    @Check(id = "09-migrator-clean-disabled", points = 1,
            hint = "Remove cleanDisabled(false) (and any call of clean()): Flyway's default keeps clean() "
                    + "disabled.")
    @DisplayName("09 Migrator.flyway keeps clean() disabled, so no call can wipe production")
    void e10_migratorCleanDisabled(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) {
        StudentMigrator migrator = StudentMigrator.load(jvm, code, db);
        try (MigrationFolder folder = testMigrations()) {
            StudentMigrator.Outcome<MigratorCall.Facts> flyway = migrator.flyway(folder);
            if (!flyway.ok()) {
                throw new AssertionFailedError("Migrator.flyway(dataSource, migrations) failed:\n"
                        + Flyways.explain(flyway.failure(), folder));
            }
            if (flyway.value() == null) {
                throw new AssertionFailedError("Migrator.flyway(…) returned null: return the Flyway that "
                        + "Flyway.configure()…load() gives you.");
            }
            if (!flyway.value().cleanDisabled()) {
                throw new AssertionFailedError("The Flyway of Migrator.flyway(…) has clean enabled "
                        + "(cleanDisabled(false)). flyway.clean() drops every table, view and row of the schema: "
                        + "one call from a test, a script or a misconfigured environment, and production is empty. "
                        + "Flyway disables it by default; keep it that way.");
            }
        }
    }

    @Check(id = "10-migrator-baseline", points = 1,
            hint = "Flyway has a command for adopting a database that exists already; use the same configuration as "
                    + "for migrate. Which version does it record by default?")
    @DisplayName("10 Migrator.baseline adopts a database built by hand at V1; migrate then skips V1 and applies "
            + "the rest")
    void e11_migratorBaseline(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, GradingSession session) {
        StudentMigrator migrator = StudentMigrator.load(jvm, code, db);
        try (MigrationFolder folder = testMigrations()) {
            DataSource ds = dataSource(db);
            BlogV1.builtByHand(db, BlogV1.rows(session.course(), BlogV1.DATA), "datasets/blog-v1/data.sql");
            ResultTable users = read(db, "SELECT * FROM users");
            String setting = "The grader built a database by hand, before Flyway: V1's tables and 12 users, but no "
                    + HISTORY + ". ";
            StudentMigrator.Outcome<StudentMigrator.Ran> baseline = migrator.baseline(folder);
            if (!baseline.ok()) {
                throw new AssertionFailedError(setting + "Migrator.baseline(…) failed:\n"
                        + Flyways.explain(baseline.failure(), folder));
            }
            List<List<Object>> history = history(db);
            boolean atOne = history.stream().anyMatch(r -> "BASELINE".equals(r.get(3)) && "1".equals(r.get(1)));
            if (!atOne) {
                throw new AssertionFailedError(setting + "After Migrator.baseline(…) the history should hold one "
                        + "BASELINE row at version 1 (what the database already has is exactly V1).\n"
                        + historyTable(db));
            }
            if (baseline.value() == null) {
                throw new AssertionFailedError(setting + "Migrator.baseline(…) baselined the database but returned "
                        + "null: return the BaselineResult of flyway.baseline().");
            }
            StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(folder);
            if (!run.ok()) {
                throw new AssertionFailedError(setting + "After Migrator.baseline(…), Migrator.migrate(…) failed:\n"
                        + Flyways.explain(run.failure(), folder));
            }
            if (appliedCount(db, BlogV1.V1_FILE) != 0 || appliedCount(db, TEST_V2) != 1) {
                throw new AssertionFailedError(setting + "After baseline and migrate, V1 must never have run (the "
                        + "tables were there) and V2 must have run once:\n" + historyTable(db)
                        + whereItLooked(migrator, folder) + cleanNote(migrator, folder));
            }
            if (!ResultComparator.compare(users, read(db, "SELECT * FROM users"), CompareOptions.unordered())
                    .matches()) {
                throw new AssertionFailedError(setting + "After baseline and migrate, the users are not the ones the "
                        + "database held before: adopting a database must keep its rows.");
            }
        }
    }

    // ---- the upgrade -------------------------------------------------------------------------------------

    /** One thing the upgrade must get right, with the rows that show what is wrong. */
    private record Aspect(boolean ok, String title, String detail) {
    }

    private static final String BEFORE_USERS = """
            SELECT id::text AS id, username::text AS username, email::text AS email, full_name::text AS full_name,
                   created_at::text AS created_at,
                   lower(btrim(email)) AS expected_email,
                   split_part(btrim(full_name), ' ', 1) AS expected_first,
                   CASE WHEN strpos(btrim(full_name), ' ') > 0
                        THEN substr(btrim(full_name), strpos(btrim(full_name), ' ') + 1) END AS expected_last
            FROM users ORDER BY users.id""";
    private static final String BEFORE_POSTS = """
            SELECT id::text AS id, user_id::text AS user_id, title::text AS title, body::text AS body,
                   published_at::text AS published_at, created_at::text AS created_at,
                   CASE WHEN published_at IS NULL THEN 'draft' ELSE 'published' END AS expected_status
            FROM posts ORDER BY posts.id""";
    private static final List<String> USER_KEPT = List.of("username", "created_at");
    private static final List<String> POST_KEPT = List.of("user_id", "title", "body", "published_at", "created_at");

    void upgrade(LabFiles files, CheckDatabase db, GradingSession session, String rowsFile, String rowsText) {
        try (MigrationFolder folder = MigrationFolder.of(files, LAB)) {
            DataSource ds = dataSource(db);
            BlogV1.migratedToV1(db, ds, BlogV1.rows(session.course(), rowsFile), "datasets/blog-v1/" + rowsFile);
            Map<String, Map<String, Object>> usersBefore = byId(read(db, BEFORE_USERS));
            Map<String, Map<String, Object>> postsBefore = byId(read(db, BEFORE_POSTS));
            Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, ds, folder);

            CatalogInspector catalog = new CatalogInspector(db);
            Map<String, Map<String, Object>> usersAfter = readExisting(db, catalog, "users",
                    List.of("id", "username", "created_at", "email", "first_name", "last_name", "full_name"));
            Map<String, Map<String, Object>> postsAfter = readExisting(db, catalog, "posts",
                    List.of("id", "user_id", "title", "body", "published_at", "created_at", "status"));

            boolean stopped = !run.ok();
            List<Aspect> aspects = List.of(
                    statusAspect(catalog, postsBefore, postsAfter, stopped),
                    namesAspect(catalog, usersBefore, usersAfter, stopped),
                    emailsAspect(usersBefore, usersAfter),
                    keptAspect(run.ok(), usersBefore, usersAfter, postsBefore, postsAfter));
            aspects = withKeptCountedOnlyForChanges(aspects);
            long earned = aspects.stream().filter(Aspect::ok).count();
            if (earned == aspects.size()) {
                return;
            }
            StringBuilder out = new StringBuilder("The grader played production: Flyway applied the original "
                    + BlogV1.V1_FILE + ", the application wrote " + rowsText + ", then your migrations ran on that "
                    + "database.\n");
            out.append(run.ok() ? "Flyway applied " + Flyways.listing(appliedScripts(db).stream()
                    .filter(s -> !s.equals(BlogV1.V1_FILE)).toList()) + ".\n"
                    : Flyways.explain(run.failure(), folder) + "\n");
            if (earned == 0 && stopped) {
                throw new AssertionFailedError(out.append("None of your migrations could finish on production, so "
                        + "nothing of the new schema arrived.").toString());
            }
            out.append("What arrived (").append(earned).append(" of ").append(aspects.size()).append(" right):");
            for (Aspect aspect : aspects) {
                out.append("\n  ").append(aspect.ok() ? "✓ " : "✗ ").append(aspect.title());
                if (!aspect.ok() && !aspect.detail().isEmpty()) {
                    out.append("\n").append(aspect.detail().indent(4).stripTrailing());
                }
            }
            if (earned > 0) {
                throw new PartialCredit(earned, out.toString());
            }
            throw new AssertionFailedError(out.toString());
        }
    }

    /**
     * "Nothing was lost" is worth a point only when the migrations changed something: migrations that do nothing
     * (the starter's) keep every row too.
     */
    private static List<Aspect> withKeptCountedOnlyForChanges(List<Aspect> aspects) {
        boolean changedSomething = aspects.subList(0, aspects.size() - 1).stream().anyMatch(Aspect::ok);
        Aspect kept = aspects.get(aspects.size() - 1);
        if (changedSomething || !kept.ok()) {
            return aspects;
        }
        List<Aspect> copy = new ArrayList<>(aspects.subList(0, aspects.size() - 1));
        copy.add(new Aspect(false, kept.title(), "(counted once your migrations get at least one of the changes "
                + "above right)"));
        return copy;
    }

    private Aspect statusAspect(CatalogInspector catalog, Map<String, Map<String, Object>> before,
                                Map<String, Map<String, Object>> after, boolean stopped) {
        String title = "every post got its status ('published' when it has a published_at, else 'draft')";
        if (catalog.column("posts", "status").isEmpty()) {
            return new Aspect(false, title, "posts has no column status " + (stopped
                    ? "(the upgrade stopped before it was added)." : "(V2 did not add it, or names it differently)."));
        }
        List<List<Object>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> post : before.entrySet()) {
            Map<String, Object> now = after.get(post.getKey());
            Object expected = post.getValue().get("expected_status");
            Object actual = now == null ? "(post is gone)" : now.get("status");
            if (now == null || !Objects.equals(expected, now.get("status"))) {
                wrong.add(Arrays.asList(post.getKey(), post.getValue().get("published_at"), expected, actual));
            }
        }
        return wrong.isEmpty() ? new Aspect(true, title, "") : new Aspect(false, title, wrong.size() + " of "
                + before.size() + " posts have the wrong status:\n" + TableFormatter.format(
                List.of("post", "published_at", "expected status", "your status"), wrong, 6).stripTrailing());
    }

    private Aspect namesAspect(CatalogInspector catalog, Map<String, Map<String, Object>> before,
                               Map<String, Map<String, Object>> after, boolean stopped) {
        String title = "every full_name was split into first_name and last_name, and full_name is gone";
        boolean first = catalog.column("users", "first_name").isPresent();
        boolean last = catalog.column("users", "last_name").isPresent();
        if (!first || !last) {
            return new Aspect(false, title, "users has no column " + (first ? "last_name" : last ? "first_name"
                    : "first_name and no column last_name") + (stopped ? " (the upgrade stopped before V3 was done)."
                    : " (V3 did not add them, or names them differently)."));
        }
        List<List<Object>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> user : before.entrySet()) {
            Map<String, Object> now = after.get(user.getKey());
            Map<String, Object> was = user.getValue();
            if (now == null || !Objects.equals(was.get("expected_first"), now.get("first_name"))
                    || !Objects.equals(was.get("expected_last"), now.get("last_name"))) {
                wrong.add(Arrays.asList(user.getKey(), was.get("full_name"), was.get("expected_first"),
                        was.get("expected_last"), now == null ? "(user is gone)" : now.get("first_name"),
                        now == null ? "" : now.get("last_name")));
            }
        }
        String detail = wrong.isEmpty() ? "" : wrong.size() + " of " + before.size() + " users have the wrong "
                + "first_name or last_name (remove the spaces around the name, first_name up to the first space, "
                + "last_name all the rest or NULL):\n" + TableFormatter.format(List.of("user", "full_name in V1",
                "expected first_name", "expected last_name", "your first_name", "your last_name"), wrong, 6)
                .stripTrailing();
        if (catalog.column("users", "full_name").isPresent()) {
            detail = (detail.isEmpty() ? "" : detail + "\n") + "users still has the column full_name: once "
                    + "first_name and last_name hold the names, V3 drops it (expand, migrate, contract).";
        }
        return new Aspect(detail.isEmpty(), title, detail);
    }

    private Aspect emailsAspect(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        String title = "every email was cleaned (lower case, no spaces around)";
        List<List<Object>> wrong = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> user : before.entrySet()) {
            Map<String, Object> now = after.get(user.getKey());
            Object expected = user.getValue().get("expected_email");
            if (now == null || !Objects.equals(expected, now.get("email"))) {
                wrong.add(Arrays.asList(user.getKey(), user.getValue().get("email"), expected,
                        now == null ? "(user is gone)" : now.get("email")));
            }
        }
        return wrong.isEmpty() ? new Aspect(true, title, "") : new Aspect(false, title, wrong.size() + " of "
                + before.size() + " emails are not in their clean form (lower(btrim(email))):\n"
                + TableFormatter.format(List.of("user", "email in V1", "expected", "yours"), wrong, 6).stripTrailing());
    }

    private Aspect keptAspect(boolean finished, Map<String, Map<String, Object>> usersBefore,
                              Map<String, Map<String, Object>> usersAfter, Map<String, Map<String, Object>> postsBefore,
                              Map<String, Map<String, Object>> postsAfter) {
        String title = "nothing was lost: every user and post is still there, with its other columns unchanged";
        if (!finished) {
            return new Aspect(false, title, "(counted only when the whole upgrade finishes)");
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(kept("user", usersBefore, usersAfter, USER_KEPT));
        problems.addAll(kept("post", postsBefore, postsAfter, POST_KEPT));
        return new Aspect(problems.isEmpty(), title, problems.stream().limit(8).map(p -> "- " + p)
                .collect(Collectors.joining("\n")) + (problems.size() > 8 ? "\n- … and " + (problems.size() - 8)
                + " more" : ""));
    }

    private List<String> kept(String what, Map<String, Map<String, Object>> before,
                              Map<String, Map<String, Object>> after, List<String> columns) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> row : before.entrySet()) {
            Map<String, Object> now = after.get(row.getKey());
            if (now == null) {
                problems.add(what + " " + row.getKey() + " is gone");
                continue;
            }
            for (String column : columns) {
                if (!Objects.equals(row.getValue().get(column), now.get(column))) {
                    problems.add(what + " " + row.getKey() + ": " + column + " was " + quote(row.getValue().get(column))
                            + ", now " + quote(now.get(column)));
                }
            }
        }
        after.keySet().stream().filter(id -> !before.containsKey(id))
                .forEach(id -> problems.add(what + " " + id + " was not there before"));
        return problems;
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** The versions the tasks name must all be there, with names Flyway reads. */
    private void requireVersions(MigrationFolder folder) {
        List<String> problems = new ArrayList<>();
        for (String version : VERSIONS) {
            if (folder.fileOfVersion(version).isEmpty()) {
                problems.add(version.equals("1")
                        ? BlogV1.V1_FILE + " is missing. It is already applied to production: put the original back "
                        + "(it is in the starter) and never change it."
                        : "there is no V" + version + " migration (the starter's is " + STARTER_NAMES.get(version)
                        + ").");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(folder.shownAs() + " does not hold the migrations of the tasks:\n- "
                    + String.join("\n- ", problems) + misnamedNote(folder));
        }
    }

    private String misnamedNote(MigrationFolder folder) {
        List<String> misnamed = folder.misnamed();
        return misnamed.isEmpty() ? "" : "\nFlyway skips these files without a word, because of their names:\n- "
                + String.join("\n- ", misnamed);
    }

    /** The columns that the upgrade, the constraints and the view rely on, as the tasks define them. */
    private List<String> schemaProblems(CheckDatabase db) {
        CatalogInspector catalog = new CatalogInspector(db);
        List<String> problems = new ArrayList<>();
        Optional<Column> status = catalog.column("posts", "status");
        if (status.isEmpty()) {
            problems.add("posts has no column status (V2).");
        } else {
            if (!status.get().isText()) {
                problems.add("posts.status is " + status.get().describeType() + "; make it text (V2).");
            }
            if (!status.get().notNull()) {
                problems.add("posts.status may be NULL: make it NOT NULL once every row has a value (V2).");
            }
            String def = status.get().defaultExpression();
            if (def == null || !def.contains("'draft'")) {
                problems.add("posts.status has " + (def == null ? "no DEFAULT" : "DEFAULT " + def)
                        + ": new posts start as DEFAULT 'draft' (V2).");
            }
        }
        Optional<Column> first = catalog.column("users", "first_name");
        Optional<Column> last = catalog.column("users", "last_name");
        if (first.isEmpty()) {
            problems.add("users has no column first_name (V3).");
        } else {
            if (!first.get().isText()) {
                problems.add("users.first_name is " + first.get().describeType() + "; make it text (V3).");
            }
            if (!first.get().notNull()) {
                problems.add("users.first_name may be NULL: make it NOT NULL once every row has one (V3).");
            }
        }
        if (last.isEmpty()) {
            problems.add("users has no column last_name (V3).");
        } else {
            if (!last.get().isText()) {
                problems.add("users.last_name is " + last.get().describeType() + "; make it text (V3).");
            }
            if (last.get().notNull()) {
                problems.add("users.last_name is NOT NULL, but a one-word name has no last name: leave it "
                        + "nullable (V3).");
            }
        }
        if (catalog.column("users", "full_name").isPresent()) {
            problems.add("users still has the column full_name: V3 drops it once the names are copied.");
        }
        return problems;
    }

    /** Before inserting the grader's test rows: the columns they need must exist. */
    private void requireColumns(CheckDatabase db, String what) {
        CatalogInspector catalog = new CatalogInspector(db);
        List<String> missing = new ArrayList<>();
        for (String column : List.of("users.first_name", "users.last_name", "users.email", "posts.status")) {
            String[] parts = column.split("\\.");
            if (catalog.column(parts[0], parts[1]).isEmpty()) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("To test " + what + " the grader adds rows to the migrated schema, but it "
                    + "has no column " + String.join(", ", missing) + ". Check 01 lists what V2 and V3 must add.");
        }
    }

    private void migrateFromEmpty(CheckDatabase db, MigrationFolder folder) {
        Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, dataSource(db), folder);
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

    private void insertViewRows(CheckDatabase db) {
        String rows = """
                INSERT INTO users (username, email, first_name, last_name) VALUES
                  ('grader_ada', 'ada@example.com', 'Ada', 'Lovelace'),
                  ('grader_plato', 'plato@example.com', 'Plato', NULL),
                  ('grader_grace', 'grace@example.com', 'Grace', 'Brewster Hopper');
                INSERT INTO posts (user_id, title, body, status, published_at)
                SELECT u.id, p.title, 'written by the grader', p.status, p.published_at::timestamptz
                FROM (VALUES ('grader_ada', 'Notes on the engine', 'published', '2024-01-02 10:00:00+00'),
                             ('grader_ada', 'A draft', 'draft', NULL),
                             ('grader_plato', 'The cave', 'published', '2024-02-03 11:30:00+00'),
                             ('grader_grace', 'Old news', 'archived', '2023-05-06 07:00:00+00'),
                             ('grader_grace', 'Compilers', 'published', '2024-03-04 12:00:00+00'))
                     AS p(username, title, status, published_at)
                JOIN users AS u ON u.username = p.username""";
        try {
            db.student().execute(rows, "the grader's test rows");
        } catch (StudentSqlException e) {
            throw new AssertionFailedError("To test the view, the grader adds users (username, email, first_name, "
                    + "last_name) and posts (user_id, title, body, status, published_at) to the migrated database; "
                    + "your schema refused them:\n" + e.getMessage());
        }
    }

    private void compareView(CheckDatabase db, String context) {
        ResultTable expected = read(db, """
                SELECT p.id::text AS post_id, p.title::text AS title,
                       concat_ws(' ', u.first_name, u.last_name) AS author, p.published_at::text AS published_at
                FROM posts AS p JOIN users AS u ON u.id = p.user_id
                WHERE p.status = 'published'""");
        ResultTable actual = read(db, "SELECT post_id::text AS post_id, title::text AS title, author::text AS author, "
                + "published_at::text AS published_at FROM " + VIEW);
        Comparison c = ResultComparator.compare(expected, actual, CompareOptions.unordered().withColumnNames());
        if (!c.matches()) {
            throw new AssertionFailedError("After " + context + ", SELECT * FROM " + VIEW + " does not return one "
                    + "row per published post with its author's name:\n" + c.feedback());
        }
    }

    /** Why a migrate applied nothing: usually the locations. */
    private String whereItLooked(StudentMigrator migrator, MigrationFolder folder) {
        StudentMigrator.Outcome<MigratorCall.Facts> flyway = migrator.flyway(folder);
        if (!flyway.ok() || flyway.value() == null) {
            return "";
        }
        String locations = flyway.value().locations().stream().map(folder::shown).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        if (!locations.contains(folder.shownAs())) {
            out.append("\nYour Flyway looks for migrations in ").append(locations).append(", not in the folder it is "
                    + "given. Use .locations(\"filesystem:\" + migrations): the migrations are files on disk, not "
                    + "resources on the class path.");
        }
        if (!flyway.value().givenDataSource()) {
            out.append("\nYour Flyway does not use the DataSource it is given: pass it with .dataSource(dataSource).");
        }
        return out.toString();
    }

    /** When the migrations ran again from scratch: a Flyway with clean enabled is the likely cause. */
    private String cleanNote(StudentMigrator migrator, MigrationFolder folder) {
        StudentMigrator.Outcome<MigratorCall.Facts> flyway = migrator.flyway(folder);
        if (!flyway.ok() || flyway.value() == null || flyway.value().cleanDisabled()) {
            return "";
        }
        return "\nYour Flyway has clean enabled (cleanDisabled(false)): does migrate() call clean()? It wipes the "
                + "database, history and rows included, and then every migration runs again from scratch.";
    }

    /** After an edited migration was accepted: which settings switched the safety net off. */
    private String configDiagnosis(StudentMigrator migrator, MigrationFolder folder) {
        StudentMigrator.Outcome<MigratorCall.Facts> flyway = migrator.flyway(folder);
        if (!flyway.ok() || flyway.value() == null) {
            return "";
        }
        MigratorCall.Facts config = flyway.value();
        List<String> causes = new ArrayList<>();
        if (!config.validateOnMigrate()) {
            causes.add("validateOnMigrate(false) switches off exactly this check: remove it.");
        }
        if (!config.cleanDisabled()) {
            causes.add("cleanDisabled(false): if migrate() calls clean(), the edited history is simply wiped, "
                    + "with every row.");
        }
        if (config.outOfOrder()) {
            causes.add("outOfOrder(true) lets old versions slip in after newer ones: remove it.");
        }
        if (causes.isEmpty()) {
            return "\nValidate on migrate is on in Migrator.flyway(…), so Flyway did refuse: your Migrator.migrate(…) "
                    + "must be catching its exception (or not calling flyway.migrate()). Let the exception out.";
        }
        return "\nIn Migrator.flyway(…):\n- " + String.join("\n- ", causes);
    }

    private MigrationFolder testMigrations() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BlogV1.V1_FILE, BlogV1.v1());
        files.put(TEST_V2, "-- The grader's test migration.\nCREATE TABLE grader_check (id integer PRIMARY KEY, "
                + "note text);\n");
        files.put(TEST_R, "-- The grader's test view.\nCREATE OR REPLACE VIEW grader_check_view AS\n"
                + "SELECT count(*) AS users FROM users;\n");
        return MigrationFolder.of("the grader's test migrations", files);
    }

    private static String testFolderNote() {
        return "the grader's own test migrations: " + BlogV1.V1_FILE + ", " + TEST_V2 + " and " + TEST_R;
    }

    private DataSource dataSource(CheckDatabase db) {
        return Flyways.dataSource(db.studentTarget());
    }

    /** The grader's queries run as the student's role, who owns the tables its migrations created. */
    private StudentSession reader;

    private ResultTable read(CheckDatabase db, String sql) {
        if (reader == null) {
            reader = db.openStudent();
        }
        return reader.query(sql, "the grader's query");
    }

    /** Rows by their first column (the id), each as column → value. */
    private static Map<String, Map<String, Object>> byId(ResultTable table) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                values.put(table.columns().get(c), row.get(c));
            }
            rows.put(String.valueOf(row.get(0)), values);
        }
        return rows;
    }

    /** The wanted columns of a table that exist, as text, by id (empty if the table is gone). */
    private Map<String, Map<String, Object>> readExisting(CheckDatabase db, CatalogInspector catalog, String table,
                                                         List<String> wanted) {
        if (!catalog.hasTable(table)) {
            return Map.of();
        }
        List<String> present = catalog.columns(table).stream().map(Column::name).toList();
        String select = wanted.stream().filter(present::contains).map(c -> c + "::text AS " + c)
                .collect(Collectors.joining(", "));
        if (!present.contains("id")) {
            return Map.of();
        }
        return byId(read(db, "SELECT " + select + " FROM " + table + " ORDER BY " + table + ".id"));
    }

    /** The history table, oldest first: rank, version, description, type, script, success. */
    private List<List<Object>> history(CheckDatabase db) {
        if (!new CatalogInspector(db).hasTable(HISTORY)) {
            return List.of();
        }
        return read(db, "SELECT installed_rank::text, version::text, description::text, type::text, "
                + "script::text, success::text FROM " + HISTORY + " ORDER BY installed_rank").rows();
    }

    private List<String> appliedScripts(CheckDatabase db) {
        return history(db).stream().filter(r -> "true".equals(r.get(5)) && !"BASELINE".equals(r.get(3)))
                .map(r -> String.valueOf(r.get(4))).toList();
    }

    private int appliedCount(CheckDatabase db, String script) {
        return (int) appliedScripts(db).stream().filter(script::equals).count();
    }

    private String historyTable(CheckDatabase db) {
        List<List<Object>> rows = history(db).stream()
                .map(r -> Arrays.asList(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5))).toList();
        return rows.isEmpty() ? "(there is no " + HISTORY + " table)" : HISTORY + ":\n"
                + TableFormatter.format(List.of("installed_rank", "version", "type", "script", "success"), rows, 12)
                .stripTrailing();
    }

    private static String quote(Object value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
