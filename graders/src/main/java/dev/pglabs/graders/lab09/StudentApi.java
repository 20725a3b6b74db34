package dev.pglabs.graders.lab09;

import dev.pglabs.graders.lab09.sandboxed.Configure;
import dev.pglabs.graders.lab09.sandboxed.LastThrown;
import dev.pglabs.graders.lab09.sandboxed.OpenApi;
import dev.pglabs.graders.lab09.sandboxed.StartServer;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.Thrown;

import java.io.IOException;
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

/**
 * The student's API, running for one check in the worker ({@link StudentJvm}): Ebean on the check's database,
 * {@code BlogApi.configure(config, db)} of the submission on a Javalin server with the grader's settings, listening on
 * the sandbox's loopback; and, on the grader's side, an HTTP client that talks to it through the port the worker
 * exposes, the way curl would.
 *
 * <p>Student code must not hang or outlive the check: opening, configuring and starting are calls with time limits;
 * every request has a timeout and a size cap; {@link #close()} always stops the server. A request that gets no
 * answer in time leaves a handler running in the worker (an endless loop), where no call's limit sees it: the worker
 * is ended then, and the next check gets a fresh one.
 */
final class StudentApi implements AutoCloseable {

    /** Starting Ebean runs the entities' constructors (student code); far more than an honest start needs. */
    static final Duration OPEN_LIMIT = Duration.ofSeconds(30);
    /** Creating the server runs the student's configure (and loads Javalin and Jetty the first time). */
    static final Duration START_LIMIT = Duration.ofSeconds(20);
    /** Far above any honest answer here (a few milliseconds); a handler in an endless loop is cut at this. */
    static final Duration REQUEST_LIMIT = Duration.ofSeconds(5);
    /** Reading what a handler threw is the grader's own code in the worker. */
    static final Duration THROWN_LIMIT = Duration.ofSeconds(10);
    static final int MAX_BODY_BYTES = 1 << 20;

    /** One client for all checks: it holds no state between requests that matters here (no cookies). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final StudentJvm jvm;
    private final Handle api;
    private final URI base;

    private StudentApi(StudentJvm jvm, Handle api, int port) {
        this.jvm = jvm;
        this.api = api;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Configures and starts the student's API in the worker on the check's database; the caller closes it. */
    static StudentApi start(StudentJvm jvm, CompiledSubmission compiled, CheckDatabase db, LabFiles files) {
        CodeRef code = jvm.code(compiled);
        Handle api = jvm.call(new OpenApi(code, jvm.database(db.studentTarget())), OPEN_LIMIT,
                "Starting Ebean with your entities");
        try {
            String source = files.dir().getFileName() + "/src/main/java/"
                    + Configure.API_CLASS.replace('.', '/') + ".java";
            jvm.call(new Configure(api, code, source), START_LIMIT, "BlogApi.configure");
            int inside = jvm.call(new StartServer(api), START_LIMIT, "starting your server");
            return new StudentApi(jvm, api, jvm.expose(inside));
        } catch (RuntimeException | Error e) {
            jvm.release(api);
            throw e;
        }
    }

    /** What a check does with the running API and the data it runs on. */
    interface Check {
        void run(StudentApi api, BlogData data);
    }

    /** Starts the student's API on the check's database, runs the check, and always stops the server. */
    static void during(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files, Check check) {
        try (StudentApi api = start(jvm, code, db, files)) {
            check.run(api, new BlogData(db));
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
        String route = method + " " + path.replaceFirst("\\?.*", "");
        CompletableFuture<HttpResponse<Capped>> answer = CLIENT.sendAsync(request.build(), info -> new CappedBody());
        try {
            HttpResponse<Capped> response = answer.get(REQUEST_LIMIT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return new Reply(route, curl.toString(), response.statusCode(), response.headers().map(),
                    response.body().bytes(), response.body().truncated(), () -> thrown(route));
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timeout(curl, route);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailure(CheckStatus.TIMEOUT, curl + " was stopped because the check ran out of time.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timeout(curl, route);
            }
            String why = e.getCause() instanceof ConnectException ? "could not connect to your server"
                    : e.getCause() instanceof IOException ? "lost the connection: " + e.getCause().getMessage()
                    : "failed: " + e.getCause();
            throw new CheckFailure(CheckStatus.ERROR, curl + "\n" + why + ". Did a handler close the connection "
                    + "or stop the server?");
        }
    }

    /** What a handler threw while answering the last request, {@code route}; null when nothing was thrown. */
    private Thrown thrown(String route) {
        return jvm.call(new LastThrown(api, route), THROWN_LIMIT, "reading what your handler threw");
    }

    /**
     * A handler still runs (an endless loop) where no call's limit reaches it, and the worker serves on: the worker
     * is ended here, so the loop ends and the next check starts a fresh one.
     */
    private CheckFailure timeout(CharSequence curl, String route) {
        Thrown t;
        try {
            t = thrown(route);
        } catch (CheckFailure ended) {
            t = null;  // the worker could not answer either: it is ended below all the same
        }
        jvm.end("was ended because a request got no answer");
        return new CheckFailure(CheckStatus.TIMEOUT, curl + "\ngot no answer within " + REQUEST_LIMIT.toSeconds()
                + " s. Look for an endless loop in the handler, or a query that waits forever. Your server was "
                + "stopped; the next checks start it again."
                + (t == null ? "" : "\n" + StudentJvm.feedback(t, "The handler").getMessage()));
    }

    /** Stops the server and Ebean; never throws. */
    @Override
    public void close() {
        jvm.release(api);
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
