package blog.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A label such as 'postgresql': the table tags.
 *
 * TODO exercise 1: map it (README section 3)
 *   - @Entity, @Table(name = "tags"), @Id on id; name @Column(nullable = false, unique = true);
 *   - posts: the other side of Post.tags: @ManyToMany(mappedBy = "tags").
 */
public class Tag {
    private Integer id;
    private String name;
    private List<Post> posts = new ArrayList<>();

    public Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Post> getPosts() {
        return posts;
    }
}
