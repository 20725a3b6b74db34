package dev.pglabs.graders.lab07;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.graders.lab07.sandboxed.MigratorCall;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.provisioning.CheckDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The situations the Java checks (06-11) put the student's {@code blog.Migrator} in, each on the check's database
 * with the grader's own test migrations: an empty database started twice, production with rows, an applied
 * migration edited, the Flyway it builds, a database built by hand before Flyway (baselined, or not).
 */
final class MigratorTrials {

    private static final String BY_HAND = "The grader built a database by hand, before Flyway: V1's tables and 12 "
            + "users, but no " + SchemaHistory.TABLE + ". ";

    private final StudentMigrator migrator;
    private final CheckDatabase db;
    private final GraderReads reads;
    private final SchemaHistory history;

    MigratorTrials(StudentMigrator migrator, CheckDatabase db) {
        this.migrator = migrator;
        this.db = db;
        this.reads = new GraderReads(db);
        this.history = new SchemaHistory(db, reads);
    }

    /** 06: an empty database gets every migration; a second start applies nothing. */
    void migratesTwice() {
        try (MigrationFolder folder = TestMigrations.folder()) {
            StudentMigrator.Outcome<StudentMigrator.Ran> first = migrator.migrate(folder);
            if (!first.ok()) {
                throw new AssertionFailedError("Migrator.migrate(dataSource, migrations) failed on an empty database "
                        + "with " + TestMigrations.note() + ":\n" + Flyways.explain(first.failure(), folder));
            }
            List<String> applied = history.appliedScripts();
            if (!applied.containsAll(folder.names())) {
                throw new AssertionFailedError("Migrator.migrate(dataSource, migrations) returned, but the database "
                        + "has " + (applied.isEmpty() ? "no migrations applied" : "only " + Flyways.listing(applied)
                        + " applied") + "; expected all of " + TestMigrations.note() + "."
                        + MigratorDiagnosis.of(migrator, folder).whereItLooked());
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
            int again = history.appliedScripts().size() - applied.size();
            if (again != 0 || second.value() == null || second.value().migrationsExecuted() != 0) {
                throw new AssertionFailedError("The application starts many times on the same database, and the "
                        + "second start must apply nothing: Flyway knows from flyway_schema_history what already "
                        + "ran. The second Migrator.migrate(…) " + (second.value() == null ? "returned null"
                        : "reports " + second.value().migrationsExecuted() + " migrations executed") + ".\n"
                        + history.shown() + MigratorDiagnosis.of(migrator, folder).cleanNote());
            }
        }
    }

    /** 07: production at V1 with rows; migrate adds V2 and the view and keeps every row. */
    void keepsRows(String rows) {
        try (MigrationFolder folder = TestMigrations.folder()) {
            BlogV1.migratedToV1(db, Flyways.dataSource(db.studentTarget()), rows, "datasets/blog-v1/data.sql");
            ResultTable users = reads.table("SELECT * FROM users");
            ResultTable posts = reads.table("SELECT * FROM posts");
            StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(folder);
            if (!run.ok()) {
                throw new AssertionFailedError("The grader put a database at version 1 with 12 users and 16 posts, "
                        + "then called Migrator.migrate(…) with " + TestMigrations.note() + ". It failed:\n"
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
                        reads.table("SELECT * FROM " + table), CompareOptions.unordered());
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
            if (history.appliedCount(BlogV1.V1_FILE) != 1 || history.appliedCount(TestMigrations.V2) != 1) {
                throw new AssertionFailedError("After Migrator.migrate(…) the history should show V1 (applied "
                        + "before) and V2 (applied now), once each:\n" + history.shown()
                        + MigratorDiagnosis.of(migrator, folder).whereItLooked());
            }
        }
    }

    /** 08: V2 edited after it was applied, V3 new: migrate must refuse and apply nothing. */
    void refusesEditedMigration() {
        try (MigrationFolder folder = TestMigrations.folder()) {
            Flyways.Outcome<MigrateResult> setup = Flyways.migrate(db, Flyways.dataSource(db.studentTarget()), folder);
            if (!setup.ok()) {
                throw new IllegalStateException("the grader's own migration failed", setup.failure());
            }
            try (MigrationFolder edited = folder.edited(TestMigrations.V2, TestMigrations::editedV2);
                 MigrationFolder withNext = edited.with(TestMigrations.V3, TestMigrations.V3_SQL)) {
                StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(withNext);
                boolean wentOn = new CatalogInspector(db).hasTable("grader_next");
                if (run.ok()) {
                    throw new AssertionFailedError("The grader applied V1, V2 and a view, then edited V2 (the kind "
                            + "of change a teammate makes to an old file) and added a new V3. Migrator.migrate(…) "
                            + "did not refuse: it returned normally" + (wentOn ? " and applied V3" : "") + ". The "
                            + "database was built from the OLD V2, so Flyway's history no longer describes it; an "
                            + "application must stop here." + MigratorDiagnosis.of(migrator, withNext)
                            .validationOff());
                }
                String message = String.valueOf(run.failure().message()).toLowerCase(Locale.ROOT);
                if (!message.contains("checksum mismatch")) {
                    String where = MigratorDiagnosis.of(migrator, withNext).whereItLooked();
                    throw new AssertionFailedError("After V2 was edited, Migrator.migrate(…) failed, but not because "
                            + "of the edit (Flyway's checksum mismatch)" + (where.isEmpty() ? ":\n"
                            + Flyways.explain(run.failure(), withNext) : ": it did not find the migrations at all."
                            + where));
                }
                if (wentOn) {
                    throw new AssertionFailedError("Migrator.migrate(…) reported the checksum mismatch but applied V3 "
                            + "anyway. Validate first, migrate only when validation passes.");
                }
            }
        }
    }

    /** 09: the Flyway that Migrator.flyway builds has clean disabled. */
    void keepsCleanDisabled() {
        try (MigrationFolder folder = TestMigrations.folder()) {
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

    /** 10: a database built by hand at V1, baselined; migrate then skips V1 and keeps the rows. */
    void baselinesAtV1(String rows) {
        try (MigrationFolder folder = TestMigrations.folder()) {
            BlogV1.builtByHand(db, rows, "datasets/blog-v1/data.sql");
            ResultTable users = reads.table("SELECT * FROM users");
            StudentMigrator.Outcome<StudentMigrator.Ran> baseline = migrator.baseline(folder);
            if (!baseline.ok()) {
                throw new AssertionFailedError(BY_HAND + "Migrator.baseline(…) failed:\n"
                        + Flyways.explain(baseline.failure(), folder));
            }
            if (!history.baselinedAt("1")) {
                throw new AssertionFailedError(BY_HAND + "After Migrator.baseline(…) the history should hold one "
                        + "BASELINE row at version 1 (what the database already has is exactly V1).\n"
                        + history.shown());
            }
            if (baseline.value() == null) {
                throw new AssertionFailedError(BY_HAND + "Migrator.baseline(…) baselined the database but returned "
                        + "null: return the BaselineResult of flyway.baseline().");
            }
            StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(folder);
            if (!run.ok()) {
                throw new AssertionFailedError(BY_HAND + "After Migrator.baseline(…), Migrator.migrate(…) failed:\n"
                        + Flyways.explain(run.failure(), folder));
            }
            if (history.appliedCount(BlogV1.V1_FILE) != 0 || history.appliedCount(TestMigrations.V2) != 1) {
                MigratorDiagnosis diagnosis = MigratorDiagnosis.of(migrator, folder);
                throw new AssertionFailedError(BY_HAND + "After baseline and migrate, V1 must never have run (the "
                        + "tables were there) and V2 must have run once:\n" + history.shown()
                        + diagnosis.whereItLooked() + diagnosis.cleanNote());
            }
            if (!ResultComparator.compare(users, reads.table("SELECT * FROM users"), CompareOptions.unordered())
                    .matches()) {
                throw new AssertionFailedError(BY_HAND + "After baseline and migrate, the users are not the ones the "
                        + "database held before: adopting a database must keep its rows.");
            }
        }
    }

    /**
     * 11: migrate on a database built by hand, not baselined: Flyway cannot know which migrations that schema
     * holds, so it must refuse and leave the database as it is (README section 9).
     */
    void refusesUnknownDatabase(String rows) {
        try (MigrationFolder folder = TestMigrations.folder()) {
            BlogV1.builtByHand(db, rows, "datasets/blog-v1/data.sql");
            StudentMigrator.Outcome<StudentMigrator.Ran> run = migrator.migrate(folder);
            if (run.ok() && history.rows().isEmpty()) {
                throw new AssertionFailedError(BY_HAND + "Flyway refuses to migrate such a database until it is "
                        + "baselined, but Migrator.migrate(…) returned normally (" + (run.value() == null
                        ? "null" : "a result") + "): it must be catching Flyway's exception. Let it out: an "
                        + "application must not start on a database it does not understand.");
            }
            if (run.ok()) {
                throw new AssertionFailedError(BY_HAND + "Nobody baselined it, and Migrator.migrate(…) did not refuse: "
                        + "it decided by itself which migrations that database holds and went on.\n"
                        + history.shown() + "\nPointed at the wrong database (another application's, a copy that "
                        + "is behind), that guess runs migrations where they do not belong. Flyway refuses a non-empty "
                        + "database without history by default; adopting one is Migrator.baseline(…)'s job, called "
                        + "once, on purpose (README section 9)." + MigratorDiagnosis.of(migrator, folder)
                        .baselineNote());
            }
            String message = String.valueOf(run.failure().message()).toLowerCase(Locale.ROOT);
            if (!message.contains("non-empty schema")) {
                throw new AssertionFailedError(BY_HAND + "Migrator.migrate(…) failed, but not because the database "
                        + "has no history (Flyway's \"non-empty schema … but no schema history table\"):\n"
                        + Flyways.explain(run.failure(), folder) + MigratorDiagnosis.of(migrator, folder)
                        .whereItLooked());
            }
        }
    }
}
