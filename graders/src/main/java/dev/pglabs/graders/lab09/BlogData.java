package dev.pglabs.graders.lab09;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API should answer, read by the grader from the check's database as administrator: expected values
 * come from the data, never from constants, so the same checks work on the hidden variant.
 */
final class BlogData {

    record Author(int id, String username) {
    }

    record PostRow(int id, int userId, String title, String body, String status, int views, Instant publishedAt,
                   Instant createdAt, Author author) {
    }

    record CommentRow(int id, String body, Instant createdAt, Author author) {
    }

    private static final String POST_COLUMNS = "p.id, p.user_id, p.title, p.body, p.status, p.views, p.published_at, "
            + "p.created_at, u.id, u.username FROM posts p JOIN users u ON u.id = p.user_id";

    private final CheckDatabase db;
    private Connection admin;

    BlogData(CheckDatabase db) {
        this.db = db;
    }

    /** Published posts, newest first (ties: higher id first): the order of GET /api/posts. */
    List<PostRow> publishedPage(int offset, int limit) {
        return posts("SELECT " + POST_COLUMNS + " WHERE p.status = 'published' "
                + "ORDER BY p.published_at DESC, p.id DESC LIMIT ? OFFSET ?", limit, offset);
    }

    int publishedCount() {
        return (int) number("SELECT count(*) FROM posts WHERE status = 'published'");
    }

    PostRow post(int id) {
        List<PostRow> rows = posts("SELECT " + POST_COLUMNS + " WHERE p.id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<CommentRow> comments(int postId) {
        List<CommentRow> rows = new ArrayList<>();
        query("SELECT c.id, c.body, c.created_at, u.id, u.username FROM comments c JOIN users u ON u.id = c.user_id "
                + "WHERE c.post_id = ? ORDER BY c.created_at, c.id", rs -> rows.add(new CommentRow(rs.getInt(1),
                rs.getString(2), instant(rs.getTimestamp(3)), new Author(rs.getInt(4), rs.getString(5)))), postId);
        return rows;
    }

    List<String> tags(int postId) {
        List<String> names = new ArrayList<>();
        query("SELECT t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = ? ORDER BY t.name",
                rs -> names.add(rs.getString(1)), postId);
        return names;
    }

    /** The published post with the most comments and tags together (ties: lowest id). */
    int richestPublishedPost() {
        return (int) number("SELECT p.id FROM posts p WHERE p.status = 'published' ORDER BY "
                + "(SELECT count(*) FROM comments c WHERE c.post_id = p.id) "
                + "+ (SELECT count(*) FROM post_tags t WHERE t.post_id = p.id) DESC, p.id LIMIT 1");
    }

    /** A published post nobody commented on (ties: lowest id), or -1. */
    int publishedPostWithoutComments() {
        return (int) number("SELECT coalesce(min(p.id), -1) FROM posts p WHERE p.status = 'published' "
                + "AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id)");
    }

    /** A draft (lowest id), or -1. */
    int someDraft() {
        return (int) number("SELECT coalesce(min(id), -1) FROM posts WHERE status = 'draft'");
    }

    /** An archived post (lowest id), or -1. */
    int someArchived() {
        return (int) number("SELECT coalesce(min(id), -1) FROM posts WHERE status = 'archived'");
    }

    /** The published post with comments whose author wrote it (lowest id): what exercise 5 deletes. */
    int commentedPost() {
        return (int) number("SELECT min(p.id) FROM posts p WHERE EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id)");
    }

    /** A user other than {@code userId} (the lowest id). */
    int otherUser(int userId) {
        return (int) number("SELECT min(id) FROM users WHERE id <> " + userId);
    }

    /** An id no user has. */
    int missingUser() {
        return (int) number("SELECT coalesce(max(id), 0) + 100 FROM users");
    }

    /** An id no post has. */
    int missingPost() {
        return (int) number("SELECT coalesce(max(id), 0) + 1000 FROM posts");
    }

    int count(String table) {
        return (int) number("SELECT count(*) FROM " + table);
    }

    int commentsOf(int postId) {
        return (int) number("SELECT count(*) FROM comments WHERE post_id = " + postId);
    }

    private List<PostRow> posts(String sql, Object... args) {
        List<PostRow> rows = new ArrayList<>();
        query(sql, rs -> rows.add(new PostRow(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                new Author(rs.getInt(9), rs.getString(10)))), args);
        return rows;
    }

    private long number(String sql) {
        long[] value = {0};
        query(sql, rs -> value[0] = rs.getLong(1));
        return value[0];
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... args) {
        if (admin == null) {
            admin = db.openAdmin();  // closed with the check's database
        }
        try (PreparedStatement st = admin.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
