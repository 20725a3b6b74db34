package app.api;

import io.ebean.Database;
import io.javalin.http.Context;

/**
 * The handlers of the blog API (the routes are in {@link BlogApi}). Exercises 1 to 5 of the README: replace each
 * {@code throw new UnsupportedOperationException("TODO …")} with your code.
 *
 * <p>Useful: {@code ctx.pathParam("id")}, {@code ctx.queryParam("page")}, {@code ctx.header(BlogApi.CALLER_HEADER)},
 * {@code ctx.bodyAsClass(PostInput.class)}, {@code ctx.status(201)}, {@code ctx.header("Location", …)},
 * {@code ctx.json(…)}; the query beans {@code new QPost(db)…}, {@code db.find(User.class, id)}, {@code db.save(…)},
 * {@code db.update(…)}, {@code db.delete(…)}; and {@code throw ApiException.notFound(…)} and its siblings to answer
 * with an error.
 */
public class PostRoutes {

    /** Paging (exercise 1): a page has 10 posts unless the client asks for 1 to 50. */
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** Validation (exercise 3): the longest title and body the API accepts. */
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 10_000;

    private final Database db;

    public PostRoutes(Database db) {
        this.db = db;
    }

    /** Exercise 1. GET /api/posts?page=1&limit=10: published posts, newest first, one page at a time. */
    public void list(Context ctx) {
        throw new UnsupportedOperationException("TODO exercise 1: list the published posts, one page at a time");
    }

    /** Exercise 2. GET /api/posts/{id}: one post with its tags and comments; a draft only for its author. */
    public void get(Context ctx) {
        throw new UnsupportedOperationException("TODO exercise 2: answer with one post, or 404");
    }

    /** Exercise 3. POST /api/posts: a new post by the caller (X-User-Id), after validating the body. */
    public void create(Context ctx) {
        throw new UnsupportedOperationException("TODO exercise 3: create a post for the caller");
    }

    /** Exercise 4. PATCH /api/posts/{id}: change the fields the body names; only the author may. */
    public void update(Context ctx) {
        throw new UnsupportedOperationException("TODO exercise 4: update the caller's own post");
    }

    /** Exercise 5. DELETE /api/posts/{id}: only the author may. */
    public void delete(Context ctx) {
        throw new UnsupportedOperationException("TODO exercise 5: delete the caller's own post");
    }
}
