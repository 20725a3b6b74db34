package dev.pglabs.graders.lab11;

import dev.pglabs.grading.PlanInspector;
import dev.pglabs.grading.PlanInspector.Plan;
import dev.pglabs.submission.SqlAnswer;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The indexes of user_preferences in the catalog, and the plans that could use them. */
final class PreferenceIndexes {

    private PreferenceIndexes() {
    }

    /** Indexes of this access method on user_preferences; with {@code firstColumn}, only those that start with it. */
    static List<String> of(Connection admin, String method, String firstColumn) throws SQLException {
        String sql = """
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_am am ON am.oid = c.relam
                LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = 'public.user_preferences'::regclass AND am.amname = ?
                  AND (?::text IS NULL OR a.attname = ?) ORDER BY 1""";
        try (var st = admin.prepareStatement(sql)) {
            st.setString(1, method);
            st.setString(2, firstColumn);
            st.setString(3, firstColumn);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    /** The answer's plan with sequential and plain index scans switched off: could an index serve it at all? */
    static Plan planAllowingOnlyBitmaps(Connection admin, SqlAnswer answer) {
        String query = answer.text().strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        try {
            return PlanInspector.explain(admin, query, PlanInspector.ONLY_BITMAP_SCANS);
        } catch (SQLException e) {
            throw new AssertionFailedError("PostgreSQL could not plan your query in " + answer.origin() + ": "
                    + e.getMessage());
        }
    }
}
