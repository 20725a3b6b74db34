package app.api;

/**
 * Given: the JSON body of POST /api/posts and PATCH /api/posts/{id}, e.g.
 * {"title": "Hello", "body": "First post", "status": "draft"}. A field the client left out is null.
 * Read it with {@code ctx.bodyAsClass(PostInput.class)}.
 */
public record PostInput(String title, String body, String status) {
}
