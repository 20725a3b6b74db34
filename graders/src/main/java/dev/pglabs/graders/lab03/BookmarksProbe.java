package dev.pglabs.graders.lab03;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 10 of lab 03: runs the student's CREATE TABLE bookmarks, then, as the grader and inside a transaction
 * that is rolled back, adds test users, posts and bookmarks and watches what deletes do. Each check builds the
 * same small scene so that the feedback can name its rows ("test.reader", "Test post A").
 */
final class BookmarksProbe {

    static final String FILE = "10-bookmarks.sql";

    private static final List<String> REQUIRED_COLUMNS = List.of("user_id", "post_id", "recommended_by");
    private static final String STATE_QUERY = """
            SELECT u.username AS "user", p.title AS post, r.username AS recommended_by
            FROM bookmarks b
            LEFT JOIN users u ON u.id = b.user_id
            LEFT JOIN posts p ON p.id = b.post_id
            LEFT JOIN users r ON r.id = b.recommended_by""";
    private static final List<String> STATE_COLUMNS = List.of("user", "post", "recommended_by");

    private static final String READER = "test.reader";
    private static final String OTHER = "test.other";
    private static final String FRIEND = "test.friend";
    private static final String POST_A = "Test post A";
    private static final String POST_B = "Test post B";

    private final SqlCheck sql;
    private final String origin;

    private BookmarksProbe(SqlCheck sql, String origin) {
        this.sql = sql;
        this.origin = origin;
    }

    /** Runs the student's file as the student and makes sure a table bookmarks with the three columns exists. */
    static BookmarksProbe create(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(FILE);
        sql.database().student().execute(answer.statements(), answer.origin());
        BookmarksProbe probe = new BookmarksProbe(sql, answer.origin());
        probe.assertTableExists();
        return probe;
    }

    private void assertTableExists() {
        ResultTable present = sql.asGrader("SELECT to_regclass('public.bookmarks') IS NOT NULL AS present");
        if (!Boolean.TRUE.equals(present.rows().get(0).get(0))) {
            ResultTable similar = sql.asGrader("""
                    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND lower(c.relname) LIKE '%bookmark%' ORDER BY 1""");
            String names = similar.rows().stream().map(r -> "\"" + r.get(0) + "\"").reduce((a, b) -> a + ", " + b)
                    .map(s -> " Your file created " + s + " instead: the name must be exactly bookmarks (lower case, "
                            + "no double quotes, in the default schema).")
                    .orElse(" Write a CREATE TABLE bookmarks (...) statement in it.");
            throw new AssertionFailedError("After running " + origin + " there is no table named bookmarks." + names);
        }
        ResultTable columns = sql.asGrader("""
                SELECT attname FROM pg_attribute
                WHERE attrelid = 'public.bookmarks'::regclass AND attnum > 0 AND NOT attisdropped""");
        List<String> have = columns.rows().stream().map(r -> (String) r.get(0)).toList();
        List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !have.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("Your table bookmarks has no column " + String.join(", ", missing)
                    + ". It has: " + String.join(", ", have) + ". The task asks for user_id, post_id and "
                    + "recommended_by (exactly these names, lower case).");
        }
    }

    // ---- the checks -------------------------------------------------------------------------------------------

    /** Ordinary bookmarks go in; unknown users/posts, NULL keys and duplicates are rejected. */
    void assertTableRules() {
        try (Scene scene = new Scene()) {
            List<String> problems = new ArrayList<>();
            long unknownUser = scene.unknownUserId();
            long unknownPost = scene.queryLong("SELECT max(id) + 1000 FROM posts");
            scene.expectRejected(problems, "23505", "a second bookmark of " + POST_A + " by " + READER,
                    "(" + scene.reader + ", " + scene.postA + ", NULL)",
                    "a user can bookmark a post only once: PRIMARY KEY (user_id, post_id)");
            scene.expectRejected(problems, "23503", "a bookmark of a post that does not exist (post_id " + unknownPost
                    + ")", "(" + scene.reader + ", " + unknownPost + ", NULL)", "post_id REFERENCES posts(id)");
            scene.expectRejected(problems, "23503", "a bookmark by a user who does not exist (user_id " + unknownUser
                    + ")", "(" + unknownUser + ", " + scene.postB + ", NULL)", "user_id REFERENCES users(id)");
            scene.expectRejected(problems, "23503", "a bookmark recommended by a user who does not exist "
                    + "(recommended_by " + unknownUser + ")", "(" + scene.other + ", " + scene.postB + ", "
                    + unknownUser + ")", "recommended_by REFERENCES users(id)");
            scene.expectRejected(problems, "23502", "a bookmark without a user (user_id NULL)",
                    "(NULL, " + scene.postB + ", NULL)", "user_id NOT NULL (a primary key column is NOT NULL anyway)");
            scene.expectRejected(problems, "23502", "a bookmark without a post (post_id NULL)",
                    "(" + scene.other + ", NULL, NULL)", "post_id NOT NULL (a primary key column is NOT NULL anyway)");
            if (!problems.isEmpty()) {
                throw new AssertionFailedError("The grader inserted some bookmarks into your table (users "
                        + READER + ", " + OTHER + ", " + FRIEND + "; posts '" + POST_A + "', '" + POST_B
                        + "'). Ordinary bookmarks went in, but:\n" + String.join("\n", problems));
            }
        }
    }

    /** Deleting a user takes that user's bookmarks with them and leaves the other bookmarks alone. */
    void assertDeleteUserCascades() {
        try (Scene scene = new Scene()) {
            Failure failure = scene.attempt("DELETE FROM users WHERE id = " + scene.reader);
            if (failure != null) {
                throw new AssertionFailedError("The grader deleted the user " + READER + ", who has two bookmarks "
                        + "(and no posts). PostgreSQL refused:\n  " + failure + "\n" + explain(failure)
                        + onDelete(scene, "user_id") + "\nWhen a user is deleted, their bookmarks must be deleted "
                        + "too: the foreign key on user_id needs ON DELETE CASCADE.");
            }
            scene.expectState("deleting the user " + READER + " (ON DELETE CASCADE on user_id)",
                    List.of(row(OTHER, POST_A, FRIEND)));
        }
    }

    /** Deleting a post that is bookmarked must fail with a foreign-key violation and change nothing. */
    void assertDeletePostRestricted() {
        try (Scene scene = new Scene()) {
            ResultTable before = scene.state();
            Failure failure = scene.attempt("DELETE FROM posts WHERE id = " + scene.postA);
            if (failure == null) {
                ResultTable after = scene.state();
                throw new AssertionFailedError("The grader deleted '" + POST_A + "', which two users have "
                        + "bookmarked, and PostgreSQL allowed it. The task says a bookmarked post must not be "
                        + "deletable: the DELETE should fail with SQLSTATE 23503 (foreign_key_violation).\n"
                        + onDelete(scene, "post_id") + "\nBookmarks before the delete:\n"
                        + TableFormatter.format(before, 10) + "\nafter it:\n" + TableFormatter.format(after, 10));
            }
            if (!"23503".equals(failure.sqlState())) {
                throw new AssertionFailedError("The grader deleted '" + POST_A + "', which two users have "
                        + "bookmarked. PostgreSQL refused, but not because of the foreign key:\n  " + failure + "\n"
                        + explain(failure) + onDelete(scene, "post_id")
                        + "\nThe task wants the foreign key itself to refuse: ON DELETE RESTRICT (or NO ACTION), "
                        + "which fails with SQLSTATE 23503.");
            }
            scene.expectState("a refused delete of '" + POST_A + "'", before.rows());
        }
    }

    /** Deleting the recommending user keeps every bookmark but clears recommended_by. */
    void assertDeleteRecommenderSetsNull() {
        try (Scene scene = new Scene()) {
            Failure failure = scene.attempt("DELETE FROM users WHERE id = " + scene.friend);
            if (failure != null) {
                throw new AssertionFailedError("The grader deleted the user " + FRIEND + ", who recommended two "
                        + "bookmarked posts (and has no bookmarks or posts of their own). PostgreSQL refused:\n  "
                        + failure + "\n" + explain(failure) + onDelete(scene, "recommended_by")
                        + "\nThe bookmarks should stay, with recommended_by set to NULL: ON DELETE SET NULL on a "
                        + "column that allows NULL.");
            }
            scene.expectState("deleting the user " + FRIEND + " (ON DELETE SET NULL on recommended_by)",
                    List.of(row(READER, POST_A, null), row(READER, POST_B, null), row(OTHER, POST_A, null)));
        }
    }

    // ---- feedback helpers ---------------------------------------------------------------------------------------

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static String explain(Failure failure) {
        return switch (failure.sqlState()) {
            case "23503" -> "  (23503 foreign_key_violation: other rows still refer to the row being deleted, and "
                    + "their foreign key does not allow that.)\n";
            case "23502" -> "  (23502 not_null_violation: an ON DELETE SET NULL tried to put NULL into a column "
                    + "declared NOT NULL.)\n";
            default -> "";
        };
    }

    /** "Your foreign key on post_id says REFERENCES posts ON DELETE CASCADE." from the catalog, for the feedback. */
    private String onDelete(Scene scene, String column) {
        Map<String, String> actions = scene.onDeleteActions();
        String action = actions.get(column);
        if (action == null) {
            return "Your column " + column + " has no foreign key at all.";
        }
        return "Your foreign key on " + column + " says " + action + ".";
    }

    record Failure(String sqlState, String message) {
        @Override
        public String toString() {
            return message + " (SQLSTATE " + sqlState + ")";
        }
    }

    /**
     * The test rows, added as the grader in one transaction that is rolled back at the end. Deferrable foreign keys
     * are made immediate so that every rule shows at the statement that breaks it.
     */
    private final class Scene implements AutoCloseable {

        private final Connection connection;
        final long reader;
        final long other;
        final long friend;
        final long postA;
        final long postB;

        Scene() {
            connection = sql.database().openAdmin();
            try {
                connection.setAutoCommit(false);
                run("SET CONSTRAINTS ALL IMMEDIATE");
                reader = insertUser(READER);
                other = insertUser(OTHER);
                friend = insertUser(FRIEND);
                long author = insertUser("test.author");
                postA = queryLong("INSERT INTO posts (user_id, title, body, status, created_at) VALUES (" + author
                        + ", '" + POST_A + "', 'Written by the grader.', 'draft', now()) RETURNING id");
                postB = queryLong("INSERT INTO posts (user_id, title, body, status, created_at) VALUES (" + author
                        + ", '" + POST_B + "', 'Written by the grader.', 'draft', now()) RETURNING id");
            } catch (SQLException e) {
                throw new ProvisioningException("Could not add the grader's test rows: " + e.getMessage(), e);
            }
            Failure failure = attempt("INSERT INTO bookmarks (user_id, post_id, recommended_by) VALUES ("
                    + reader + ", " + postA + ", " + friend + "), (" + reader + ", " + postB + ", NULL), ("
                    + other + ", " + postA + ", " + friend + ")");
            if (failure != null) {
                throw new AssertionFailedError("The grader could not insert three ordinary bookmarks into your "
                        + "table (" + READER + " saved '" + POST_A + "' recommended by " + FRIEND + " and '" + POST_B
                        + "' with no recommender; " + OTHER + " saved '" + POST_A + "' recommended by " + FRIEND
                        + "):\n  " + failure + "\n" + explain(failure) + "Check the column types (integer), which "
                        + "table each foreign key references (users or posts), that recommended_by allows NULL, and "
                        + "that no other column is required.");
            }
        }

        private long insertUser(String username) throws SQLException {
            return queryLong("INSERT INTO users (username, email, full_name, created_at) VALUES ('" + username
                    + "', '" + username + "@example.org', '" + username + "', now()) RETURNING id");
        }

        /** An id that is no user's id but is a post's id, so a user_id that references posts by mistake shows. */
        long unknownUserId() {
            long notAUser = queryLong("SELECT CASE WHEN EXISTS (SELECT 1 FROM users WHERE id = " + postA + ") "
                    + "THEN (SELECT max(id) + 1000 FROM users) ELSE " + postA + " END");
            return notAUser;
        }

        long queryLong(String query) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new ProvisioningException("The grader's own query failed: " + e.getMessage(), e);
            }
        }

        private void run(String statement) throws SQLException {
            try (Statement st = connection.createStatement()) {
                st.execute(statement);
            }
        }

        /** Runs a statement in a savepoint: null when it worked, else what PostgreSQL said (and it is undone). */
        Failure attempt(String statement) {
            try {
                Savepoint savepoint = connection.setSavepoint();
                try (Statement st = connection.createStatement()) {
                    st.execute(statement);
                    connection.releaseSavepoint(savepoint);
                    return null;
                } catch (SQLException e) {
                    connection.rollback(savepoint);
                    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
                    return new Failure(e.getSQLState() == null ? "" : e.getSQLState(), message);
                }
            } catch (SQLException e) {
                throw new ProvisioningException("Lost the connection to the check database: " + e.getMessage(), e);
            }
        }

        void expectRejected(List<String> problems, String sqlState, String what, String values, String rule) {
            Failure failure = attempt("INSERT INTO bookmarks (user_id, post_id, recommended_by) VALUES " + values);
            if (failure == null) {
                problems.add("- " + what + " was accepted; it must be rejected. Missing: " + rule + ".");
            } else if (!sqlState.equals(failure.sqlState())) {
                problems.add("- " + what + " was rejected, but for another reason than expected (SQLSTATE "
                        + sqlState + "):\n    " + failure + ". Expected rule: " + rule + ".");
            }
        }

        ResultTable state() {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(STATE_QUERY + " ORDER BY 1, 2, 3")) {
                return ResultTable.read(rs, 1_000);
            } catch (SQLException e) {
                throw new ProvisioningException("The grader could not read your bookmarks table: " + e.getMessage(), e);
            }
        }

        void expectState(String afterWhat, List<List<Object>> rows) {
            ResultTable expected = ResultTable.of(STATE_COLUMNS, rows);
            ResultTable actual = state();
            if (!ResultComparator.compare(expected, actual, CompareOptions.unordered()).matches()) {
                throw new AssertionFailedError("After " + afterWhat + ", your bookmarks table should hold "
                        + rows.size() + (rows.size() == 1 ? " row" : " rows") + " (users and posts shown by name):\n"
                        + TableFormatter.format(expected, 10) + "\nbut it holds " + actual.rowCount()
                        + (actual.rowCount() == 1 ? " row" : " rows") + ":\n" + TableFormatter.format(actual, 10)
                        + onDeleteSummary());
            }
        }

        private String onDeleteSummary() {
            Map<String, String> actions = onDeleteActions();
            StringBuilder text = new StringBuilder("\nYour foreign keys: ");
            List<String> parts = new ArrayList<>();
            for (String column : REQUIRED_COLUMNS) {
                parts.add(column + " " + actions.getOrDefault(column, "(no foreign key)"));
            }
            return text.append(String.join("; ", parts)).append('.').toString();
        }

        /** Column → "ON DELETE CASCADE" etc., read from pg_constraint (single-column foreign keys). */
        Map<String, String> onDeleteActions() {
            Map<String, String> actions = new LinkedHashMap<>();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT a.attname, c.confdeltype::text, c.confrelid::regclass::text
                    FROM pg_constraint c
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                    WHERE c.conrelid = 'public.bookmarks'::regclass AND c.contype = 'f'
                    ORDER BY c.conname""")) {
                while (rs.next()) {
                    String action = switch (rs.getString(2)) {
                        case "a" -> "ON DELETE NO ACTION";
                        case "r" -> "ON DELETE RESTRICT";
                        case "c" -> "ON DELETE CASCADE";
                        case "n" -> "ON DELETE SET NULL";
                        case "d" -> "ON DELETE SET DEFAULT";
                        default -> "ON DELETE " + rs.getString(2);
                    };
                    actions.putIfAbsent(rs.getString(1), "REFERENCES " + rs.getString(3) + " " + action);
                }
            } catch (SQLException e) {
                throw new ProvisioningException("The grader could not read your foreign keys: " + e.getMessage(), e);
            }
            return actions;
        }

        @Override
        public void close() {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                // The check database is dropped anyway.
            }
        }
    }
}
