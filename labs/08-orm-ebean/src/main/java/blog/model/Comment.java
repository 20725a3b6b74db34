package blog.model;

import java.time.Instant;

/**
 * What a user wrote under a post: the table comments.
 *
 * TODO exercise 1: map it (README section 3)
 *   - @Entity, @Table(name = "comments"), @Id on id, body @Column(nullable = false), createdAt @WhenCreated;
 *   - post: @ManyToOne(optional = false) (column post_id: Ebean's default name for a field post);
 *   - author: @ManyToOne(optional = false) with @JoinColumn(name = "user_id").
 */
public class Comment {
    private Integer id;
    private Post post;
    private User author;
    private String body;
    private Instant createdAt;

    public Integer getId() {
        return id;
    }

    public Post getPost() {
        return post;
    }

    public User getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
