package blog.model;

import java.time.Instant;

/**
 * A post a user saved for later: the NEW table bookmarks (exercise 7). The table does not exist yet.
 *
 * TODO exercise 7 (README section 8): make this an entity mapped onto a new table bookmarks
 *   - @Entity, @Table(name = "bookmarks"), @Id on id;
 *   - user: @ManyToOne(optional = false) with @JoinColumn(name = "user_id");
 *   - post: @ManyToOne(optional = false);
 *   - createdAt: @WhenCreated.
 * Then generate the migration that creates the table with blog.GenerateMigration, and let Flyway apply it.
 */
public class Bookmark {
    private Integer id;
    private User user;
    private Post post;
    private Instant createdAt;

    public Bookmark() {
    }

    public Bookmark(User user, Post post) {
        this.user = user;
        this.post = post;
    }

    public Integer getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public Post getPost() {
        return post;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
