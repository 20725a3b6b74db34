package dev.pglabs.graders.lab09.sandboxed;

import dev.pglabs.orm.EbeanSession;
import dev.pglabs.worker.Thrown;
import dev.pglabs.worker.WorkerContext;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What one check keeps in the worker: Ebean on the student's entities and the check's database, the student's
 * Javalin app configured on it (and, once started, serving on the sandbox's loopback), and what the handlers of the
 * last request threw. Closing it (the grader releases it when the check ends) stops the server and shuts Ebean down.
 */
public final class Api implements AutoCloseable {

    /** Marks a request whose first wrapped handler has run: the recorder is cleared once per request. */
    private static final String SEEN = "pglabs.recorded";

    /** What a handler threw, and the request ("GET /api/posts") it was answering. */
    private record Recorded(String route, Throwable thrown) {
    }

    final EbeanSession orm;
    private final AtomicReference<Recorded> recorder = new AtomicReference<>();
    Javalin app;

    Api(EbeanSession orm) {
        this.orm = orm;
    }

    /**
     * The grader's settings, applied after the student's configure so that they win: a bounded pool of daemon
     * request threads, no banner, no start-up checks, and every handler wrapped to record what it throws (the
     * feedback shows it next to an unexpected status).
     */
    void ownServer(JavalinConfig config) {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2, 30_000, -1, null, null);
        pool.setName("pglabs-student-server");
        pool.setDaemon(true);
        pool.setStopTimeout(500);
        config.jetty.threadPool = pool;
        // One connection per request: a handler that answers before reading the body (a 401 first) leaves Jetty
        // closing a kept-alive connection the grader's client would send its next request on.
        config.jetty.modifyHttpConfiguration(http -> http.setPersistentConnectionsEnabled(false));
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.router.handlerWrapper(endpoint -> ctx -> {
            if (ctx.attribute(SEEN) == null) {
                ctx.attribute(SEEN, Boolean.TRUE);
                recorder.set(null);  // a new request: what an earlier one threw is not this one's
            }
            try {
                endpoint.handler.handle(ctx);
            } catch (Exception | Error e) {
                recorder.set(new Recorded(ctx.method().name() + " " + ctx.path(), e));
                throw e;
            }
        });
    }

    /** What a handler threw while answering {@code route} (the last request), or null. */
    Thrown thrown(String route) {
        Recorded last = recorder.get();
        return last == null || !last.route().equals(route) ? null : WorkerContext.thrown(last.thrown());
    }

    @Override
    public void close() {
        try {
            if (app != null) {
                app.stop();  // request threads still running (an endless loop) end with the worker
            }
        } finally {
            orm.close();
        }
    }
}
