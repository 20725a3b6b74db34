package dev.pglabs.graders.lab02;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.submission.SqlAnswer;
import org.opentest4j.AssertionFailedError;

import java.util.Locale;
import java.util.Objects;

import static dev.pglabs.graders.lab02.TestRows.count;
import static dev.pglabs.graders.lab02.TestRows.show;

/**
 * What exercise 04 checks of the tables after the student's ALTER TABLE statements: the rows that were there stay,
 * the new column is there for them too, and the new key is the pair the task names.
 */
final class AlteredTables {

    private AlteredTables() {
    }

    /** users.is_active exists and is a boolean, else the check cannot go on. */
    static void requireIsActive(CatalogInspector catalog, SqlAnswer answer) {
        var column = catalog.column("users", "is_active");
        if (column.isEmpty()) {
            throw new AssertionFailedError("After running " + answer.origin() + ", users has no column "
                    + "is_active. Add it with ALTER TABLE users ADD COLUMN is_active ..." + rolledBack(answer));
        }
        String type = TableDesign.bool("is_active").verdict().apply(column.get());
        if (type != null) {
            throw new AssertionFailedError(type);
        }
    }

    /** A ROLLBACK in the file throws away every change made since its BEGIN: the likely cause of a missing column. */
    private static String rolledBack(SqlAnswer answer) {
        boolean rollback = answer.statements().stream()
                .map(s -> s.sql().strip().toUpperCase(Locale.ROOT))
                .anyMatch(s -> s.startsWith("ROLLBACK") || s.startsWith("ABORT"));
        return rollback ? "\n\nYour file ends a transaction with ROLLBACK, and a ROLLBACK undoes every change made "
                + "since the BEGIN: the grader runs your file as it is, so nothing you changed before it is kept." : "";
    }

    /** The table holds as many rows as before the student's file ran; returns whether it does. */
    static boolean rowsKept(ConstraintProbe probe, String table, int before) {
        Long rows = count(probe, "SELECT count(*) FROM " + table);
        if (Objects.equals(rows, (long) before)) {
            return true;
        }
        probe.problem(table + " held " + before + " rows before your file ran and holds " + rows + " now: change "
                + "the table with ALTER TABLE, do not drop and re-create it.");
        return false;
    }

    static void expectExistingUsersActive(ConstraintProbe probe) {
        Long inactive = count(probe, "SELECT count(*) FROM users WHERE is_active IS DISTINCT FROM true");
        if (!Objects.equals(inactive, 0L)) {
            probe.problem(inactive + " of the existing users are not active (is_active is NULL or false), but "
                    + "every existing user must end up active: add the column with DEFAULT true.");
        }
    }

    static void expectNewUsersActive(ConstraintProbe probe) {
        if (probe.expectAccepted("INSERT INTO users (username, email, full_name) "
                + "VALUES ('new.user', 'new.user@example.com', 'New User')", "a new user inserted without is_active")) {
            Object active = probe.value("SELECT is_active FROM users WHERE username = 'new.user'");
            if (!Boolean.TRUE.equals(active)) {
                probe.problem("A new user inserted without is_active got is_active = " + show(active)
                        + ", but it must default to true: DEFAULT true.");
            }
        }
    }

    /** The behaviour probes pass with a trigger too; the catalog says whether the key is the pair itself. */
    static void expectUniquePair(ConstraintProbe probe, CatalogInspector catalog) {
        if (!catalog.isUnique("posts", "user_id", "title")) {
            probe.problem("The catalog shows no UNIQUE constraint (or unique index) on exactly (user_id, title). "
                    + "Unique keys found on posts: " + catalog.uniqueKeys("posts").stream()
                    .map(k -> "(" + String.join(", ", k.columns()) + ")").reduce((a, b) -> a + ", " + b)
                    .orElse("none") + ".");
        }
    }
}
