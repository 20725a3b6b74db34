package blog;

import blog.model.Bookmark;
import blog.model.Post;
import blog.model.User;
import io.ebean.Database;
import io.ebean.PagedList;

import java.util.List;
import java.util.Optional;

/**
 * Lab 08: the blog's data access, with Ebean.
 *
 * Use the Database the constructor receives (new QUser(db), db.find(…), db.beginTransaction()), never Ebean's
 * default database. The query beans (QUser, QPost, QTag, …) exist once your entities are mapped: they are generated
 * while javac compiles (package blog.model.query). Grade with: ./pglabs grade 08
 */
public class BlogRepository {

    private final Database db;

    public BlogRepository(Database db) {
        this.db = db;
    }

    /**
     * Exercise 2 (README section 4): the user with this username, WITH their profile, or Optional.empty().
     * One SQL statement, also when the caller then reads user.getProfile().getBio(). Use the query bean QUser.
     */
    public Optional<User> findByUsername(String username) {
        throw new UnsupportedOperationException("TODO exercise 2: new QUser(db)… .findOneOrEmpty()");
    }

    /**
     * Exercise 3 (README section 4): the PUBLISHED posts that carry the tag named tagName, newest first
     * (published_at descending, then id descending), each with its author. One SQL statement, also when the caller
     * reads post.getAuthor().getUsername() for every post. Use the query bean QPost.
     */
    public List<Post> publishedWithTag(String tagName) {
        throw new UnsupportedOperationException("TODO exercise 3: new QPost(db)… .findList()");
    }

    /**
     * Exercise 4 (README section 5): every post of the user, newest first (created_at descending, then id
     * descending), with its tags, its comments (oldest first) and the author of every comment. At most 3 SQL
     * statements in all, however many posts the user has: no query per post, no lazy loading.
     */
    public List<Post> postsWithDiscussion(String username) {
        throw new UnsupportedOperationException("TODO exercise 4: one query with a fetch plan");
    }

    /**
     * Exercise 5 (README section 6): page number pageIndex (0 = the first page) of the published posts, newest
     * first (published_at descending, then id descending), pageSize posts a page, each with its author; the
     * PagedList also knows the total number of published posts. At most 2 SQL statements.
     */
    public PagedList<Post> publishedPage(int pageIndex, int pageSize) {
        throw new UnsupportedOperationException("TODO exercise 5: … .setFirstRow(…).setMaxRows(…).findPagedList()");
    }

    /**
     * Exercise 6 (README section 7): saves a new post by the user (status 'draft') with these tags: a tag that
     * exists (same name) is reused, a missing one is created. ALL OR NOTHING: when any insert fails, nothing of this
     * call may stay in the database, and the exception reaches the caller. Returns the saved post.
     */
    public Post createDraft(String username, String title, String body, List<String> tagNames) {
        throw new UnsupportedOperationException("TODO exercise 6: one transaction around everything");
    }

    /**
     * Exercise 7 (README section 8): the user bookmarks the post with this id; returns the saved Bookmark. The table
     * bookmarks comes from the migration you generate from the entity Bookmark.
     */
    public Bookmark bookmark(String username, int postId) {
        throw new UnsupportedOperationException("TODO exercise 7: save a new Bookmark");
    }
}
