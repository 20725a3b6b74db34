package blog;

import blog.model.Bookmark;
import blog.model.Post;
import blog.model.Tag;
import blog.model.User;
import blog.model.query.QPost;
import blog.model.query.QTag;
import blog.model.query.QUser;
import io.ebean.Database;
import io.ebean.PagedList;
import io.ebean.Transaction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lab 08: the blog's data access, with Ebean. Every method uses the Database it was given (never Ebean's default
 * database), type-safe query beans (QUser, QPost, QTag) and a fetch plan that loads what the caller will read.
 */
public class BlogRepository {

    private final Database db;

    public BlogRepository(Database db) {
        this.db = db;
    }

    /** Exercise 2: the user with this username, with their profile (empty when there is no such user). */
    public Optional<User> findByUsername(String username) {
        return new QUser(db)
                .profile.fetch()
                .username.eq(username)
                .findOneOrEmpty();
    }

    /** Exercise 3: the published posts that carry this tag, newest first, each with its author. */
    public List<Post> publishedWithTag(String tagName) {
        return new QPost(db)
                .author.fetch()
                .status.eq("published")
                .tags.name.eq(tagName)
                .orderBy().publishedAt.desc()
                .findList();
    }

    /**
     * Exercise 4: every post of the user, newest first, with its tags, its comments (oldest first) and the
     * author of every comment, in a fixed number of queries however many posts there are.
     */
    public List<Post> postsWithDiscussion(String username) {
        return new QPost(db)
                .tags.fetch()
                .comments.fetch()
                .comments.author.fetch()
                .author.username.eq(username)
                .orderBy().createdAt.desc().id.desc()
                .findList();
    }

    /** Exercise 5: one page (0 = the first) of the published posts, newest first, with their authors. */
    public PagedList<Post> publishedPage(int pageIndex, int pageSize) {
        return new QPost(db)
                .author.fetch()
                .status.eq("published")
                .orderBy().publishedAt.desc().id.desc()
                .setFirstRow(pageIndex * pageSize)
                .setMaxRows(pageSize)
                .findPagedList();
    }

    /**
     * Exercise 6: a new draft by the user, with these tags (existing tags reused, missing ones created), all in one
     * transaction: when anything fails, nothing of it stays in the database.
     */
    public Post createDraft(String username, String title, String body, List<String> tagNames) {
        try (Transaction txn = db.beginTransaction()) {
            User author = new QUser(db).username.eq(username).findOneOrEmpty()
                    .orElseThrow(() -> new IllegalArgumentException("no user named " + username));
            List<String> names = new ArrayList<>(new LinkedHashSet<>(tagNames));
            Map<String, Tag> existing = new QTag(db).name.in(names).findList().stream()
                    .collect(Collectors.toMap(Tag::getName, Function.identity()));
            Post post = new Post();
            post.setAuthor(author);
            post.setTitle(title);
            post.setBody(body);
            post.setStatus("draft");
            for (String name : names) {
                Tag tag = existing.get(name);
                if (tag == null) {
                    tag = new Tag(name);
                    db.save(tag);
                }
                post.getTags().add(tag);
            }
            db.save(post);
            txn.commit();
            return post;
        }
    }

    /** Exercise 7: the user bookmarks the post (the table bookmarks comes from your generated migration). */
    public Bookmark bookmark(String username, int postId) {
        User user = new QUser(db).username.eq(username).findOneOrEmpty()
                .orElseThrow(() -> new IllegalArgumentException("no user named " + username));
        Post post = db.reference(Post.class, postId);
        Bookmark bookmark = new Bookmark(user, post);
        db.save(bookmark);
        return bookmark;
    }
}
