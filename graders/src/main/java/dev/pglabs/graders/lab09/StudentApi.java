package dev.pglabs.graders.lab09;

import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import io.ebean.Database;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The student's API, running for one check: {@code BlogApi.configure(config, db)} of the submission on a Javalin
 * server that the grader owns (its threads, its address: 127.0.0.1 and a free port chosen by the system), and an
 * HTTP client that talks to it the way curl would.
 *
 * <p>Student code must not hang or outlive the check: configuring and starting run under {@link JavaCalls} with a
 * time limit; every request has a timeout and a size cap; {@link #close()} always stops the server, and stops
 * request threads that still run (a handler in an endless loop) outright.
 */
final class StudentApi implements AutoCloseable {

    static final String API_CLASS = "app.api.BlogApi";
    /** Creating the server runs the student's configure (and loads Javalin and Jetty the first time). */
    static final Duration START_LIMIT = Duration.ofSeconds(20);
    static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    /** Far above any honest answer here (a few milliseconds); a handler in an endless loop is cut at this. */
    static final Duration REQUEST_LIMIT = Duration.ofSeconds(5);
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    /** One client for all checks: it holds no state between requests that matters here (no cookies). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final ThreadGroup threads;
    /** What the last request's handler threw (set on a request thread, read after the answer arrived). */
    private final AtomicReference<Throwable> recorder;
    private final Javalin app;
    private final URI base;

    private StudentApi(ThreadGroup threads, AtomicReference<Throwable> recorder, Javalin app) {
        this.threads = threads;
        this.recorder = recorder;
        this.app = app;
        this.base = URI.create("http://127.0.0.1:" + app.port());
    }

    /** Configures and starts the student's API on {@code db}; the caller closes it. */
    static StudentApi start(CompiledSubmission code, Database db) {
        Method configure = configureMethod(code);
        ThreadGroup group = new ThreadGroup("pglabs-student-server-" + SERVERS.incrementAndGet());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Javalin app = JavaCalls.call(() -> Javalin.create(config -> {
            try {
                configure.invoke(null, config, db);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw sneaky(e.getCause());
            }
            ownServer(config, group, thrown);
        }), START_LIMIT, "BlogApi.configure");
        try {
            JavaCalls.call(() -> app.start("127.0.0.1", 0), START_LIMIT, "starting your server");
            return new StudentApi(group, thrown, app);
        } catch (RuntimeException | Error e) {
            stop(app, group);
            throw e;
        }
    }

    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    Reply patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * Sends one request and waits for the whole answer at most {@link #REQUEST_LIMIT}.
     *
     * @param headers name, value, name, value…
     */
    Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_LIMIT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        StringBuilder curl = new StringBuilder("curl -X ").append(method);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            curl.append(" -H '").append(headers[i]).append(": ").append(headers[i + 1]).append('\'');
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            curl.append(" -d '").append(json.length() > 120 ? json.substring(0, 120) + "…" : json).append('\'');
        }
        curl.append(" http://localhost:PORT").append(path);
        recorder.set(null);
        CompletableFuture<HttpResponse<Capped>> answer = CLIENT.sendAsync(request.build(), info -> new CappedBody());
        try {
            HttpResponse<Capped> response = answer.get(REQUEST_LIMIT.toMillis() + 500, TimeUnit.MILLISECONDS);
            String route = method + " " + path.replaceFirst("\\?.*", "");
            return new Reply(route, curl.toString(), response.statusCode(), response.headers().map(),
                    response.body().bytes(), response.body().truncated(), recorder.get());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timeout(curl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailure(CheckStatus.TIMEOUT, curl + " was stopped because the check ran out of time.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timeout(curl);
            }
            String why = e.getCause() instanceof ConnectException ? "could not connect to your server"
                    : e.getCause() instanceof IOException ? "lost the connection: " + e.getCause().getMessage()
                    : "failed: " + e.getCause();
            throw new CheckFailure(CheckStatus.ERROR, curl + "\n" + why + ". Did a handler close the connection "
                    + "or stop the server?");
        }
    }

    private CheckFailure timeout(CharSequence curl) {
        Throwable t = recorder.get();
        return new CheckFailure(CheckStatus.TIMEOUT, curl + "\ngot no answer within " + REQUEST_LIMIT.toSeconds()
                + " s. Look for an endless loop in the handler, or a query that waits forever."
                + (t == null ? "" : "\n" + JavaCalls.feedback(t, "The handler").getMessage()));
    }

    /** Stops the server, even when a handler is stuck; never throws. */
    @Override
    public void close() {
        stop(app, threads);
    }

    private static void stop(Javalin app, ThreadGroup group) {
        try {
            JavaCalls.run(app::stop, STOP_LIMIT, "stopping your server");
        } catch (RuntimeException e) {
            // Stopped or not, the threads below are ended; the check's result stands as it is.
        }
        Thread[] left = new Thread[group.activeCount() + 8];
        int n = group.enumerate(left, true);
        for (int i = 0; i < n; i++) {
            JavaCalls.stop(left[i]);
        }
    }

    /**
     * The grader's settings, applied after the student's configure so that they win: request threads in the
     * check's own thread group (daemon, so a stuck one never keeps the JVM alive), no banner, no start-up
     * checks, and every handler wrapped to record what it throws (the feedback shows it next to a 500).
     */
    private static void ownServer(JavalinConfig config, ThreadGroup group, AtomicReference<Throwable> thrown) {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2, 30_000, -1, null, group);
        pool.setName(group.getName());
        pool.setDaemon(true);
        pool.setStopTimeout(500);
        config.jetty.threadPool = pool;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.router.handlerWrapper(endpoint -> ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Exception | Error e) {
                thrown.set(e);
                throw e;
            }
        });
    }

    private static Method configureMethod(CompiledSubmission code) {
        Class<?> api = code.load(API_CLASS);
        try {
            Method m = api.getMethod("configure", JavalinConfig.class, Database.class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new NoSuchMethodException();
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, API_CLASS + " needs the method public static void "
                    + "configure(JavalinConfig config, Database db), as in the starter: the grader starts your API "
                    + "through it.");
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** A body, at most {@link #MAX_BODY_BYTES} of it. */
    record Capped(byte[] bytes, boolean truncated) {
    }

    /** Collects the body up to the cap, then cancels the rest (a server that streams for ever cannot fill memory). */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Capped> {
        private final CompletableFuture<Capped> result = new CompletableFuture<>();
        private final List<byte[]> parts = new ArrayList<>();
        private int size;
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<Capped> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), MAX_BODY_BYTES - size);
                byte[] part = new byte[take];
                buffer.get(part);
                parts.add(part);
                size += take;
            }
            if (size >= MAX_BODY_BYTES) {
                subscription.cancel();
                result.complete(new Capped(join(), true));
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new Capped(join(), false));
        }

        private byte[] join() {
            byte[] all = new byte[size];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }
}
