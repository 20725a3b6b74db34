package app.api;

import java.time.Instant;
import java.util.List;

/**
 * Given: the JSON shapes the API answers with (records become JSON objects with the same field names).
 * Build them from the entities in your handlers.
 */
public final class PostViews {

    private PostViews() {
    }

    /** Who wrote a post or a comment: {"id": 1, "username": "ana.ferreira"}. */
    public record Author(int id, String username) {
    }

    /** A post in a list: no body, no comments. */
    public record PostSummary(int id, String title, String status, int views, Instant publishedAt, Author author) {
    }

    /** One page of posts: the items and where they are in the whole list. */
    public record PostPage(List<PostSummary> items, int page, int limit, int total) {
    }

    /** A comment under a post. */
    public record CommentView(int id, String body, Instant createdAt, Author author) {
    }

    /** One post with everything: its body, tag names (A to Z) and comments (oldest first). */
    public record PostDetail(int id, String title, String body, String status, int views, Instant publishedAt,
                             Instant createdAt, Author author, List<String> tags, List<CommentView> comments) {
    }
}
