package dev.pglabs.graders.lab07;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.CatalogInspector.Column;
import dev.pglabs.grading.CatalogInspector.RelationKind;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSqlException;
import org.flywaydb.core.api.output.MigrateResult;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Optional;

/**
 * Check 04's view, post_listing: its shape, its rows on test posts of every status (an archived post keeps its
 * published_at, a one-word name has no last name), and the repeatable migration that runs again when it changes.
 */
final class PostListingView {

    static final String VIEW = "post_listing";
    private static final List<String> COLUMNS = List.of("post_id", "title", "author", "published_at");

    private final CheckDatabase db;
    private final GraderReads reads;

    PostListingView(CheckDatabase db, GraderReads reads) {
        this.db = db;
        this.reads = reads;
    }

    /** The migrated database has a view of that name with the task's columns, in order. */
    void requireShape(MigrationFolder folder) {
        CatalogInspector catalog = new CatalogInspector(db);
        Optional<RelationKind> kind = catalog.relation(VIEW);
        if (kind.isEmpty() || kind.get() != RelationKind.VIEW) {
            throw new AssertionFailedError("After your migrations ran, " + (kind.isEmpty()
                    ? "there is no view named " + VIEW : VIEW + " is " + kind.get().inWords() + ", not a view")
                    + ". Create it in " + Flyways.listing(folder.repeatables()) + " with CREATE OR REPLACE VIEW "
                    + VIEW + " AS SELECT ….");
        }
        List<String> columns = catalog.columns(VIEW).stream().map(Column::name).toList();
        if (!columns.equals(COLUMNS)) {
            throw new AssertionFailedError("The view " + VIEW + " has the columns " + columns + "; it must have "
                    + COLUMNS + ", in this order. (Changing a view's columns needs DROP VIEW IF EXISTS " + VIEW
                    + "; before CREATE VIEW: CREATE OR REPLACE VIEW may only add columns at the end.)");
        }
    }

    /** Users with and without a last name, posts published, draft and archived (with a published_at). */
    void insertTestRows() {
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

    /** One row per published post with its author's name, and nothing else. */
    void compareRows(String context) {
        ResultTable expected = reads.table("""
                SELECT p.id::text AS post_id, p.title::text AS title,
                       concat_ws(' ', u.first_name, u.last_name) AS author, p.published_at::text AS published_at
                FROM posts AS p JOIN users AS u ON u.id = p.user_id
                WHERE p.status = 'published'""");
        ResultTable actual = reads.table("SELECT post_id::text AS post_id, title::text AS title, author::text AS "
                + "author, published_at::text AS published_at FROM " + VIEW);
        Comparison c = ResultComparator.compare(expected, actual, CompareOptions.unordered().withColumnNames());
        if (!c.matches()) {
            throw new AssertionFailedError("After " + context + ", SELECT * FROM " + VIEW + " does not return one "
                    + "row per published post with its author's name:\n" + c.feedback());
        }
    }

    /** A comment line added to every repeatable migration, then migrate: Flyway must run each again, and it must work. */
    void rerunAfterChange(MigrationFolder folder) {
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
            Flyways.Outcome<MigrateResult> rerun = Flyways.migrate(db, Flyways.dataSource(db.studentTarget()),
                    changed);
            if (!rerun.ok()) {
                throw new AssertionFailedError("The grader added a comment line to " + Flyways.listing(repeatables)
                        + " and migrated again, as Flyway does after a teammate changes the view. Flyway ran the "
                        + "repeatable migration again, and it failed.\n" + Flyways.explain(rerun.failure(), changed));
            }
        }
        SchemaHistory history = new SchemaHistory(db, reads);
        List<String> notRerun = repeatables.stream().filter(f -> history.appliedCount(f) < 2).toList();
        if (!notRerun.isEmpty()) {
            throw new AssertionFailedError("After " + Flyways.listing(notRerun) + " changed, Flyway did not apply it "
                    + "again. Check that the file name starts with R__ and ends with .sql.\n" + history.shown());
        }
    }
}
