package dev.pglabs.graders.lab11;

import dev.pglabs.grading.PlanInspector;
import dev.pglabs.grading.PlanInspector.Plan;
import dev.pglabs.grading.Problems;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Exercise 04, after the answer ran: the catalog says theme is a stored generated text column, it follows updates of
 * prefs (the grader sets and removes the key), and a B-tree index on it serves WHERE theme = '…'.
 */
final class ThemeColumnReview {

    private ThemeColumnReview() {
    }

    static Problems of(Connection admin, String origin) throws SQLException {
        Problems problems = new Problems();
        try (Statement st = admin.createStatement()) {
            String generated = null;
            String type = null;
            try (ResultSet rs = st.executeQuery("""
                    SELECT a.attgenerated::text, format_type(a.atttypid, a.atttypmod)
                    FROM pg_attribute a WHERE a.attrelid = 'public.user_preferences'::regclass
                      AND a.attname = 'theme' AND NOT a.attisdropped""")) {
                if (rs.next()) {
                    generated = rs.getString(1);
                    type = rs.getString(2);
                }
            }
            if (generated == null) {
                throw new AssertionFailedError("After " + origin + ", user_preferences has no column named theme.");
            }
            problems.addIf(!"s".equals(generated), "theme is a plain column: PostgreSQL will not keep it in step with "
                    + "prefs. Declare it GENERATED ALWAYS AS (prefs->>'theme') STORED.");
            problems.addIf(!"text".equals(type), "theme has type " + type + "; the task asks for text.");
            if (problems.isEmpty()) {
                followsUpdates(st, problems);
            }
            List<String> onTheme = PreferenceIndexes.of(admin, "btree", "theme");
            if (onTheme.isEmpty()) {
                problems.add("There is no B-tree index whose first column is theme: CREATE INDEX … ON "
                        + "user_preferences (theme).");
            } else {
                st.execute("ANALYZE user_preferences");
                Plan plan = PlanInspector.explain(admin, "SELECT user_id FROM user_preferences WHERE theme = 'dark'",
                        PlanInspector.ONLY_BITMAP_SCANS);
                problems.addIf(plan.indexesUsed().stream().noneMatch(onTheme::contains), "The index " + onTheme
                        + " does not serve WHERE theme = 'dark'. Plan:\n" + plan.render().indent(2).stripTrailing());
            }
        }
        return problems;
    }

    private static void followsUpdates(Statement st, Problems problems) throws SQLException {
        st.execute("UPDATE user_preferences SET prefs = prefs || '{\"theme\": \"dark\"}' WHERE user_id = 1");
        st.execute("UPDATE user_preferences SET prefs = prefs - 'theme' WHERE user_id = 3");
        try (ResultSet rs = st.executeQuery("""
                SELECT user_id, prefs->>'theme' AS expected, theme AS actual FROM user_preferences
                WHERE theme IS DISTINCT FROM prefs->>'theme' ORDER BY user_id LIMIT 5""")) {
            while (rs.next()) {
                problems.add("user " + rs.getInt(1) + ": theme is " + quote(rs.getString(3)) + ", the document says "
                        + quote(rs.getString(2)) + " (the grader had set or removed the key in prefs): the column "
                        + "must be prefs->>'theme', as text.");
            }
        }
    }

    private static String quote(String s) {
        return s == null ? "NULL" : "'" + s + "'";
    }
}
