package dev.pglabs.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real headless Chromium for the tests of HTML pages: it lays a page out at a given window width, so a test can
 * ask what a reader would see (does the page scroll sideways? what text shows?) and keep a PNG screenshot for a
 * person to look at.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.launch()) {   // skips the test when Chromium is absent
 *     HeadlessChromium.Page page = browser.open(file, 1280);
 *     assertThat(page.scrollWidth()).isLessThanOrEqualTo(page.viewportWidth());
 *     page.screenshot(HeadlessChromium.screenshotFile("overview-1280"));
 * }
 * }</pre>
 *
 * <p>It talks to the browser over the DevTools protocol (JSON on a WebSocket) and waits on the protocol's events
 * (the page's load event), never on the clock. Each browser gets a profile folder of its own; {@link #close()}
 * ends the browser and deletes that folder. The browser is found in {@code $PGLABS_CHROMIUM}, else as
 * {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH (Debian package {@code chromium}).
 */
public final class HeadlessChromium implements AutoCloseable {

    /** How long one protocol step may take before the test fails: a safety net for a hung browser, not a timing. */
    private static final long STEP_LIMIT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

    private record Waiter(String method, String sessionId, CompletableFuture<JsonNode> event) {
    }

    private HeadlessChromium(Process process, Path profile, URI endpoint) throws IOException {
        this.process = process;
        this.profile = profile;
        this.socket = await(HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener()));
    }

    /** The Chromium executable, if one is installed. */
    public static Optional<Path> executable() {
        String configured = System.getenv("PGLABS_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a headless Chromium. When none is installed the calling test is skipped (a JUnit assumption), with
     * the reason and how to install one, so a missing browser never passes a test silently.
     */
    public static HeadlessChromium launch() throws IOException {
        Optional<Path> executable = executable();
        Assumptions.assumeTrue(executable.isPresent(), "no Chromium found (set PGLABS_CHROMIUM, or install it: "
                + "sudo apt-get install chromium); the browser tests need a real browser");
        Path profile = Files.createTempDirectory("pglabs-chromium-");
        List<String> command = new ArrayList<>(List.of(executable.get().toString(), "--headless",
                "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--mute-audio", "--hide-scrollbars",
                "about:blank"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(1, "--no-sandbox");  // Chromium's own sandbox refuses to run as root (containers, CI)
        }
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return new HeadlessChromium(process, profile, endpoint(process));
        } catch (IOException | RuntimeException e) {
            process.destroy();
            stop(process);
            delete(profile);
            throw e;
        }
    }

    /**
     * Where a test keeps a screenshot: {@code target/screenshots/<name>.png} of the module under test (the folder
     * is created).
     */
    public static Path screenshotFile(String name) throws IOException {
        return Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
    }

    /**
     * Opens an HTML file in a new tab whose window is {@code width} CSS pixels wide (and 800 high), and returns
     * once the page has loaded.
     */
    public Page open(Path file, int width) throws IOException {
        String url = file.toAbsolutePath().toUri().toString();
        String target = call(null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                .path("targetId").asText();
        String session = call(null, "Target.attachToTarget", JSON.createObjectNode().put("targetId", target)
                .put("flatten", true)).path("sessionId").asText();
        call(session, "Page.enable", JSON.createObjectNode());
        call(session, "Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                .put("height", 800).put("deviceScaleFactor", 1).put("mobile", false));
        Page page = new Page(session, width);
        CompletableFuture<JsonNode> loaded = expect("Page.loadEventFired", session);
        JsonNode navigation = call(session, "Page.navigate", JSON.createObjectNode().put("url", url));
        if (navigation.hasNonNull("errorText")) {
            throw new IOException("Chromium could not open " + url + ": " + navigation.path("errorText").asText());
        }
        // about:blank may still send its own load event: wait until the loaded document is the one we asked for.
        String isLoaded = "document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url);
        while (true) {
            await(loaded);
            CompletableFuture<JsonNode> next = expect("Page.loadEventFired", session);
            if (page.evaluate(isLoaded).asBoolean()) {
                waiters.removeIf(w -> w.event() == next);
                return page;
            }
            loaded = next;
        }
    }

    /** One loaded page: its layout and text as the browser sees them. */
    public final class Page {

        private final String session;
        private final int width;

        private Page(String session, int width) {
            this.session = session;
            this.width = width;
        }

        /** The window width the page was opened at. */
        public int width() {
            return width;
        }

        /** The width of the viewport the layout has (CSS pixels; no scroll bar takes any of it). */
        public int viewportWidth() throws IOException {
            return evaluate("document.documentElement.clientWidth").asInt();
        }

        /** The width of the whole document: more than {@link #viewportWidth()} when the page scrolls sideways. */
        public int scrollWidth() throws IOException {
            return evaluate("document.documentElement.scrollWidth").asInt();
        }

        /** The text a reader sees ({@code innerText} of the body: hidden elements and markup left out). */
        public String text() throws IOException {
            return evaluate("document.body.innerText").asText();
        }

        /** The value of a JavaScript expression evaluated in the page (as JSON). */
        public JsonNode evaluate(String expression) throws IOException {
            JsonNode reply = call(session, "Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                    .put("returnByValue", true));
            if (reply.has("exceptionDetails")) {
                throw new IOException("the page could not evaluate " + expression + ": "
                        + reply.path("exceptionDetails").path("exception").path("description").asText());
            }
            return reply.path("result").path("value");
        }

        /** Saves the whole page (its full height, not just the window) as a PNG file; returns the file. */
        public Path screenshot(Path png) throws IOException {
            JsonNode size = evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
            ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", size.get(0).asInt())
                    .put("height", size.get(1).asInt()).put("scale", 1);
            ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
            params.set("clip", clip);
            String data = call(session, "Page.captureScreenshot", params).path("data").asText();
            if (png.toAbsolutePath().getParent() != null) {
                Files.createDirectories(png.toAbsolutePath().getParent());
            }
            Files.write(png, Base64.getDecoder().decode(data));
            return png;
        }
    }

    /** Ends the browser (politely, then by force) and deletes its profile folder. */
    @Override
    public void close() throws IOException {
        try {
            send(null, "Browser.close", JSON.createObjectNode());
        } catch (RuntimeException e) {
            process.destroy();  // it does not listen any more: end it the operating system's way
        }
        stop(process);
        socket.abort();
        delete(profile);
    }

    private JsonNode call(String session, String method, ObjectNode params) throws IOException {
        return await(send(session, method, params));
    }

    private CompletableFuture<JsonNode> send(String session, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        String text;
        try {
            text = JSON.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (socket) {  // one sendText at a time, as WebSocket requires
            socket.sendText(text, true).join();
        }
        return reply;
    }

    private CompletableFuture<JsonNode> expect(String method, String session) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        waiters.add(new Waiter(method, session, event));
        return event;
    }

    private static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get(STEP_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Chromium", e);
        } catch (ExecutionException e) {
            throw new IOException("Chromium: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Chromium did not answer within " + STEP_LIMIT_SECONDS + " s", e);
        }
    }

    /** Receives replies and events; a message may arrive in several parts. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            replies.values().forEach(r -> r.completeExceptionally(error));
            waiters.forEach(w -> w.event().completeExceptionally(error));
        }
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;  // not protocol JSON: nothing waits for it
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
            if (reply != null) {
                if (message.has("error")) {
                    reply.completeExceptionally(new IOException(message.get("error").path("message").asText()));
                } else {
                    reply.complete(message.path("result"));
                }
            }
            return;
        }
        String method = message.path("method").asText();
        String session = message.path("sessionId").asText(null);
        for (Waiter w : waiters) {
            if (w.method().equals(method) && Objects.equals(w.sessionId(), session)) {
                waiters.remove(w);
                w.event().complete(message.path("params"));
            }
        }
    }

    /**
     * The browser's DevTools address. Chromium prints "DevTools listening on ws://…" on standard error once it
     * accepts connections: this reads up to that line (no polling; its DevToolsActivePort file may be written only
     * later), then drains the rest in the background so the browser never blocks on a full pipe.
     */
    private static URI endpoint(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String prefix = "DevTools listening on ";
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null && !line.startsWith(prefix)) {
            seen.append(line).append('\n');
        }
        if (line == null) {
            throw new IOException("Chromium ended before it listened for DevTools:\n" + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // The browser's log: not needed, but it must not fill the pipe.
                }
            } catch (IOException e) {
                // The browser ended.
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return URI.create(line.substring(prefix.length()).trim());
    }

    /** Waits for the browser to end (forcing it after the step limit), then ends any helper process it left. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (!process.waitFor(STEP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            child.onExit().join();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
