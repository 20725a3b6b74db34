package app.api;

import app.domain.Comment;
import app.domain.Post;
import app.domain.Tag;
import app.domain.User;
import app.domain.query.QPost;
import app.api.PostViews.Author;
import app.api.PostViews.CommentView;
import app.api.PostViews.PostDetail;
import app.api.PostViews.PostPage;
import app.api.PostViews.PostSummary;
import io.ebean.Database;
import io.ebean.PagedList;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The handlers of the blog API (routes in {@link BlogApi}). */
public class PostRoutes {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 10_000;
    /** The values of posts.status (the table's CHECK constraint); Post.status is a String, as in lab 08. */
    static final String DRAFT = "draft";
    static final String PUBLISHED = "published";
    static final String ARCHIVED = "archived";

    private final Database db;

    public PostRoutes(Database db) {
        this.db = db;
    }

    /** GET /api/posts?page=1&limit=10: published posts, newest first, one page at a time. */
    public void list(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        int page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE, errors);
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("invalid paging", errors);
        }
        long offset = (long) (page - 1) * limit;
        PagedList<Post> found = new QPost(db)
                .author.fetch()
                .status.eq(PUBLISHED)
                .orderBy().publishedAt.desc().id.desc()
                .setFirstRow((int) Math.min(offset, Integer.MAX_VALUE))
                .setMaxRows(limit)
                .findPagedList();
        List<PostSummary> items = found.getList().stream().map(PostRoutes::summary).toList();
        ctx.json(new PostPage(items, page, limit, found.getTotalCount()));
    }

    /** GET /api/posts/{id}: one post with its tags and comments; drafts only for their author. */
    public void get(Context ctx) {
        int id = postId(ctx);
        Post post = new QPost(db)
                .id.eq(id)
                .author.fetch()
                .tags.fetch()
                .comments.fetch()
                .comments.author.fetch()
                .findOne();
        if (post == null || (!PUBLISHED.equals(post.getStatus()) && !isAuthor(optionalCaller(ctx), post))) {
            throw ApiException.notFound("post " + id + " not found");
        }
        ctx.json(detail(post));
    }

    /** POST /api/posts: a new post by the caller. */
    public void create(Context ctx) {
        User caller = caller(ctx);
        PostInput input = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        checkTitle(input.title(), true, errors);
        checkBody(input.body(), true, errors);
        String status = checkStatus(input.status(), List.of(DRAFT, PUBLISHED), errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("invalid post", errors);
        }
        Post post = new Post();
        post.setAuthor(caller);
        post.setTitle(input.title());
        post.setBody(input.body());
        post.setStatus(status == null ? DRAFT : status);
        if (PUBLISHED.equals(post.getStatus())) {
            post.setPublishedAt(now());
        }
        db.save(post);
        ctx.status(201).header("Location", "/api/posts/" + post.getId()).json(detail(reload(post.getId())));
    }

    /** PATCH /api/posts/{id}: change the fields the body names; only the author may. */
    public void update(Context ctx) {
        User caller = caller(ctx);
        Post post = ownPost(ctx, caller);
        PostInput input = body(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        checkTitle(input.title(), false, errors);
        checkBody(input.body(), false, errors);
        String status = checkStatus(input.status(), List.of(DRAFT, PUBLISHED, ARCHIVED), errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("invalid post", errors);
        }
        if (input.title() != null) {
            post.setTitle(input.title());
        }
        if (input.body() != null) {
            post.setBody(input.body());
        }
        if (status != null) {
            post.setStatus(status);
            if (PUBLISHED.equals(status) && post.getPublishedAt() == null) {
                post.setPublishedAt(now());
            }
        }
        db.update(post);
        ctx.json(detail(reload(post.getId())));
    }

    /** DELETE /api/posts/{id}: only the author may; its comments and tags go with it. */
    public void delete(Context ctx) {
        User caller = caller(ctx);
        Post post = ownPost(ctx, caller);
        db.delete(post);
        ctx.status(204);
    }

    // ---- who is calling ---------------------------------------------------------------------------------

    /** The user named by the X-User-Id header; 401 when it is missing or names nobody. */
    private User caller(Context ctx) {
        User user = optionalCaller(ctx);
        if (user == null) {
            throw ApiException.unauthorized("send the header " + BlogApi.CALLER_HEADER + " with your user id");
        }
        return user;
    }

    private User optionalCaller(Context ctx) {
        String header = ctx.header(BlogApi.CALLER_HEADER);
        if (header == null) {
            return null;
        }
        Integer id = parsePositive(header.strip());
        return id == null ? null : db.find(User.class, id);
    }

    private static boolean isAuthor(User caller, Post post) {
        return caller != null && caller.getId().equals(post.getAuthor().getId());
    }

    /** The post of the path, for a change by the caller: 404 when there is none, 403 when it is someone else's. */
    private Post ownPost(Context ctx, User caller) {
        int id = postId(ctx);
        Post post = db.find(Post.class, id);
        if (post == null) {
            throw ApiException.notFound("post " + id + " not found");
        }
        if (!isAuthor(caller, post)) {
            throw ApiException.forbidden("post " + id + " belongs to another user");
        }
        return post;
    }

    // ---- reading the request ----------------------------------------------------------------------------

    private static int postId(Context ctx) {
        Integer id = parsePositive(ctx.pathParam("id"));
        if (id == null) {
            throw ApiException.notFound("post " + ctx.pathParam("id") + " not found");
        }
        return id;
    }

    private static PostInput body(Context ctx) {
        PostInput input;
        try {
            input = ctx.bodyAsClass(PostInput.class);
        } catch (Exception e) {
            // Not JSON, or a field of the wrong type: Jackson's exceptions (checked ones too, which Javalin
            // rethrows unchecked) mean the client sent something we cannot read. That is a 400, not a 500.
            throw ApiException.badRequest("the body must be a JSON object such as {\"title\": \"…\", \"body\": \"…\"}");
        }
        if (input == null) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return input;
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max, Map<String, String> errors) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        Integer value = parseInt(text.strip());
        if (value == null || value < min || value > max) {
            errors.put(name, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
            return fallback;
        }
        return value;
    }

    private static Integer parsePositive(String text) {
        Integer value = parseInt(text);
        return value == null || value < 1 ? null : value;
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- validation -------------------------------------------------------------------------------------

    private static void checkTitle(String title, boolean required, Map<String, String> errors) {
        if (title == null ? required : title.isBlank()) {
            errors.put("title", "is required");
        } else if (title != null && title.length() > MAX_TITLE) {
            errors.put("title", "must be at most " + MAX_TITLE + " characters");
        }
    }

    private static void checkBody(String body, boolean required, Map<String, String> errors) {
        if (body == null ? required : body.isBlank()) {
            errors.put("body", "is required");
        }
    }

    private static String checkStatus(String text, List<String> allowed, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        if (!allowed.contains(text)) {
            errors.put("status", "must be one of " + allowed);
            return null;
        }
        return text;
    }

    // ---- answers ----------------------------------------------------------------------------------------

    private Post reload(int id) {
        return new QPost(db).id.eq(id).author.fetch().tags.fetch().comments.fetch().comments.author.fetch().findOne();
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds; the answer should show what is stored.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Author author(User user) {
        return new Author(user.getId(), user.getUsername());
    }

    private static PostSummary summary(Post post) {
        return new PostSummary(post.getId(), post.getTitle(), post.getStatus(), post.getViews(),
                post.getPublishedAt(), author(post.getAuthor()));
    }

    private static PostDetail detail(Post post) {
        List<String> tags = post.getTags().stream().map(Tag::getName).sorted().toList();
        List<CommentView> comments = post.getComments().stream()
                .map((Comment c) -> new CommentView(c.getId(), c.getBody(), c.getCreatedAt(), author(c.getAuthor())))
                .toList();
        return new PostDetail(post.getId(), post.getTitle(), post.getBody(), post.getStatus(), post.getViews(),
                post.getPublishedAt(), post.getCreatedAt(), author(post.getAuthor()), tags, comments);
    }
}
