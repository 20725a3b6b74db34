package dev.pglabs.graders.lab02;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.provisioning.StudentSqlException;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Objects;

import static dev.pglabs.graders.lab02.TestRows.count;
import static dev.pglabs.graders.lab02.TestRows.insertUser;
import static dev.pglabs.graders.lab02.TestRows.show;

/**
 * The probes lab 02's behaviour checks share: the defaults a row inserted without them gets, what deleting a user
 * does to the rows that reference it, and the one failure that lists every statement that misbehaved with the
 * table as psql shows it.
 */
final class RuleProbes {

    static final String NOW_TEST = "created_at BETWEEN transaction_timestamp() - interval '1 minute' "
            + "AND clock_timestamp() + interval '1 minute'";

    private RuleProbes() {
    }

    static void assertRules(ConstraintProbe probe, CatalogInspector catalog, String table, String origin) {
        if (probe.hasProblems()) {
            throw new AssertionFailedError("The grader tried " + probe.attempts() + " statements on your " + table
                    + " table (from " + origin + "); these did not behave as the task asks:\n\n" + probe.report()
                    + "\n\n" + TableDesign.describe(catalog, table));
        }
    }

    /** A user with only the required columns gets an id and a created_at; returns whether it was accepted. */
    static boolean expectUserDefaults(ConstraintProbe probe, CatalogInspector catalog) {
        boolean minimal = probe.expectAccepted(insertUser("'ana.ferreira'", "'ana.ferreira@example.com'",
                "'Ana Ferreira'"), "a user with only username, email and full_name (no city, no created_at)");
        if (minimal) {
            ResultTable row = probe.query("SELECT id IS NOT NULL, created_at IS NOT NULL, city IS NULL "
                    + "FROM users WHERE username = 'ana.ferreira'");
            if (row.rowCount() == 1 && !Boolean.TRUE.equals(row.rows().get(0).get(1))) {
                probe.problem("A user inserted without created_at got created_at = NULL: created_at needs "
                        + "DEFAULT now() (and NOT NULL).");
            }
        } else if (catalog.column("users", "created_at").map(c -> !c.hasDefault()).orElse(false)) {
            probe.problem("created_at has no DEFAULT, so a user inserted without it cannot be stored: add "
                    + "DEFAULT now().");
        }
        return minimal;
    }

    /** A post with only user_id, title and body gets status 'draft', views 0, no published_at and a created_at. */
    static void expectPostDefaults(ConstraintProbe probe, CatalogInspector catalog) {
        boolean minimal = probe.expectAccepted("INSERT INTO posts (user_id, title, body) SELECT id, 'First steps', "
                + "'Hello.' FROM users WHERE username = 'ana.ferreira'",
                "a post with only user_id, title and body (status, views, published_at and created_at left out)");
        if (!minimal) {
            missingDefaults(probe, catalog, "posts", "status", "views", "created_at");
            return;
        }
        ResultTable row = probe.query("SELECT status::text, views, published_at IS NULL, created_at IS NOT NULL "
                + "FROM posts WHERE title = 'First steps'");
        if (row.rowCount() != 1) {
            return;
        }
        List<Object> r = row.rows().get(0);
        if (!"draft".equals(r.get(0))) {
            probe.problem("A post inserted without status got status " + show(r.get(0))
                    + ", but it must default to 'draft': DEFAULT 'draft'.");
        }
        if (r.get(1) == null || ((Number) r.get(1)).longValue() != 0) {
            probe.problem("A post inserted without views got views " + show(r.get(1))
                    + ", but it must default to 0: DEFAULT 0.");
        }
        if (!Boolean.TRUE.equals(r.get(2))) {
            probe.problem("A post inserted without published_at got a published_at: it must stay NULL "
                    + "(no default).");
        }
        if (!Boolean.TRUE.equals(r.get(3))) {
            probe.problem("A post inserted without created_at got created_at = NULL: created_at needs "
                    + "DEFAULT now() (and NOT NULL).");
        }
    }

    /**
     * Deletes a user who has rows in {@code table}: the delete must be accepted and take those rows with it.
     * {@code refused} is said when the foreign key stops the delete, {@code left} when the rows stay behind.
     */
    static void expectCascade(ConstraintProbe probe, CatalogInspector catalog, String table, String username,
                              String what, String refused, String left) {
        boolean deleted = probe.expectAccepted("DELETE FROM users WHERE username = '" + username + "'", what);
        if (!deleted) {
            probe.problem(refused + foundForeignKeys(catalog, table));
        } else if (!Objects.equals(count(probe, "SELECT count(*) FROM " + table + " p WHERE NOT EXISTS "
                + "(SELECT 1 FROM users u WHERE u.id = p.user_id)"), 0L)) {
            probe.problem(left);
        }
    }

    /** The statement inserts one row without created_at; the stored value must be the time of the insert. */
    static void expectCurrentTimeDefault(ConstraintProbe probe, String insert, String what) {
        String sql = "WITH inserted AS (" + insert + " RETURNING created_at) SELECT created_at IS NOT NULL, "
                + NOW_TEST + ", created_at::text FROM inserted";
        try {
            ResultTable result = probe.query(sql);
            List<Object> row = result.rows().get(0);
            if (!Boolean.TRUE.equals(row.get(0))) {
                probe.problem(capitalise(what) + " inserted without created_at got created_at = NULL: it needs "
                        + "DEFAULT now().", insert);
            } else if (!Boolean.TRUE.equals(row.get(1))) {
                probe.problem(capitalise(what) + " inserted without created_at got created_at = " + row.get(2)
                        + ", but the default must be the moment of the insert: DEFAULT now(), not a fixed value.",
                        insert);
            }
        } catch (StudentSqlException e) {
            probe.problem(capitalise(what) + " inserted without created_at was rejected, but it must be accepted "
                    + "with created_at set to the current time (DEFAULT now()). " + firstLine(e.getMessage()), insert);
        }
    }

    static void missingDefaults(ConstraintProbe probe, CatalogInspector catalog, String table, String... columns) {
        for (String name : columns) {
            catalog.column(table, name).filter(c -> !c.hasDefault()).ifPresent(c ->
                    probe.problem(name + " has no DEFAULT, so a row inserted without it cannot be stored as the "
                            + "task asks."));
        }
    }

    static String foundForeignKeys(CatalogInspector catalog, String table) {
        var fks = catalog.foreignKeys(table, "user_id");
        if (fks.isEmpty()) {
            return "The catalog shows no foreign key on " + table + ".user_id.";
        }
        return "Found: " + fks.get(0).definition() + (fks.get(0).onDelete().equals("NO ACTION")
                ? ". Without an ON DELETE clause the action is NO ACTION, which refuses to delete a user who still "
                + "has rows here." : ".");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().filter(l -> l.contains("ERROR")).findFirst().orElse(text).strip();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
