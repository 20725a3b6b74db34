package app.api;

import io.ebean.Database;
import io.javalin.config.JavalinConfig;

/**
 * Given: the route table of the API, like the files of a Next.js app/api folder. Each route calls a handler of
 * {@link PostRoutes}, where you write the code. The grader (and {@link app.Main}) create the server with
 * <pre>{@code Javalin.create(config -> BlogApi.configure(config, db)).start(port)}</pre>
 */
public final class BlogApi {

    /** The header that says who is calling (a stand-in for the login of lab 08's users; see the README). */
    public static final String CALLER_HEADER = "X-User-Id";

    private BlogApi() {
    }

    public static void configure(JavalinConfig config, Database db) {
        PostRoutes posts = new PostRoutes(db);
        config.jsonMapper(Json.mapper());
        config.routes.get("/api/posts", posts::list);
        config.routes.post("/api/posts", posts::create);
        config.routes.get("/api/posts/{id}", posts::get);
        config.routes.patch("/api/posts/{id}", posts::update);
        config.routes.delete("/api/posts/{id}", posts::delete);
        // An ApiException thrown by a handler becomes its status and an ApiError body.
        config.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
    }
}
