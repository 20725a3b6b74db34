package blog.model;

import io.ebean.annotation.WhenCreated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A post a user saved for later: the NEW table bookmarks (exercise 7). The table does not exist yet: Ebean's
 * migration generator writes the CREATE TABLE from this class, and Flyway applies it.
 */
@Entity
@Table(name = "bookmarks")
public class Bookmark {

    @Id
    private Integer id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne(optional = false)
    private Post post;

    @WhenCreated
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
