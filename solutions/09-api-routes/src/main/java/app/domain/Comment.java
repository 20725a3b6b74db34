package app.domain;

import io.ebean.annotation.WhenCreated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** What a user wrote under a post: the table comments (post_id and user_id are both many-to-one). */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    private Integer id;

    @ManyToOne(optional = false)
    private Post post;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User author;

    @Column(nullable = false)
    private String body;

    @WhenCreated
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
