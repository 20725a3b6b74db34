package blog.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An article: the table posts.
 *
 * TODO exercise 1: map it (README section 3)
 *   - @Entity, @Table(name = "posts"), @Id on id; title, body and status @Column(nullable = false);
 *   - author: many posts have one author. @ManyToOne(optional = false) and @JoinColumn(name = "user_id")
 *     (the column is user_id, not author_id);
 *   - createdAt: @WhenCreated;
 *   - comments: @OneToMany(mappedBy = "post"), oldest first: @OrderBy("createdAt, id");
 *   - tags: many-to-many through the junction table post_tags:
 *     @ManyToMany @JoinTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"),
 *                            inverseJoinColumns = @JoinColumn(name = "tag_id")).
 */
public class Post {
    private Integer id;

    /** Many-to-one: the column is user_id, the Java name says what the user is to the post. */
    private User author;
    private String title;
    private String body;

    /** 'draft', 'published' or 'archived' (the table's CHECK constraint). */
    private String status = "draft";

    private int views;

    private Instant publishedAt;
    private Instant createdAt;
    private List<Comment> comments = new ArrayList<>();

    /** Many-to-many through the junction table post_tags. */
    private List<Tag> tags = new ArrayList<>();

    public Integer getId() {
        return id;
    }

    public User getAuthor() {
        return author;
    }

    public void setAuthor(User author) {
        this.author = author;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getViews() {
        return views;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Comment> getComments() {
        return comments;
    }

    public List<Tag> getTags() {
        return tags;
    }
}
