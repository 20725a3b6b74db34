package dev.pglabs.graders.lab02;

import dev.pglabs.grading.ConstraintProbe;
import org.opentest4j.AssertionFailedError;

/** The statements the probes of lab 02 try, and the small reads they make of the student's tables. */
final class TestRows {

    private TestRows() {
    }

    /** Rows the probes need (users to attach profiles or posts to): if the student's file breaks them, say so. */
    static void setUp(ConstraintProbe probe, String sql, String file) {
        ConstraintProbe.Outcome outcome = probe.attempt(sql);
        if (!outcome.accepted()) {
            throw new AssertionFailedError("After running your " + file + ", the grader could not insert the users "
                    + "it tests with: " + outcome.describeError() + ". Your file should only create its own table.");
        }
    }

    static String insertUser(String username, String email, String fullName) {
        return "INSERT INTO users (username, email, full_name) VALUES (" + username + ", " + email + ", "
                + fullName + ")";
    }

    static String insertUser(String username, String email, String fullName, String city, String createdAt) {
        return "INSERT INTO users (username, email, full_name, city, created_at) VALUES (" + username + ", " + email
                + ", " + fullName + ", " + city + ", " + createdAt + ")";
    }

    static String insertProfile(String username, String bio, String website, String birthDate) {
        return "INSERT INTO profiles (user_id, bio, website, birth_date) SELECT id, " + bio + ", " + website + ", "
                + birthDate + " FROM users WHERE username = '" + username + "'";
    }

    /** A post with every column given; {@code username} is a quoted username or NULL (for a NULL user_id). */
    static String insertPost(String username, String title, String body, String status, String views,
                             String publishedAt, String createdAt) {
        String userId = username.equals("NULL") ? "NULL" : "(SELECT id FROM users WHERE username = " + username + ")";
        return "INSERT INTO posts (user_id, title, body, status, views, published_at, created_at) VALUES ("
                + userId + ", " + title + ", " + body + ", " + status + ", " + views + ", " + publishedAt + ", "
                + createdAt + ")";
    }

    static Long count(ConstraintProbe probe, String sql) {
        Object value = probe.value(sql);
        return value == null ? null : ((Number) value).longValue();
    }

    static String show(Object value) {
        return value == null ? "NULL" : value instanceof String s ? "'" + s + "'" : value.toString();
    }
}
