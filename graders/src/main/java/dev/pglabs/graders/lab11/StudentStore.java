package dev.pglabs.graders.lab11;

import dev.pglabs.graders.lab11.sandboxed.OpenStore;
import dev.pglabs.graders.lab11.sandboxed.RecordedStore;
import dev.pglabs.graders.lab11.sandboxed.StoreCall;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.Thrown;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The submission's {@code app.prefs.PreferencesStore}, called the way the README states its signatures, in the
 * submission's worker ({@link StudentJvm}) on a DynamoDB client of its own whose requests are recorded there. Each
 * call returns, besides its answer, the requests the student's client sent ({@link #seen()}), so a check can tell a
 * Query from a Scan and a conditional write from a plain one. Closing it closes the store's clients in the worker.
 */
final class StudentStore implements AutoCloseable {

    /** The first call loads and starts the AWS SDK (most of a second on a busy machine); the emulator answers in ms. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final StudentJvm jvm;
    private final Handle store;
    private List<RecordedStore.Seen> seen = List.of();
    private boolean written;

    StudentStore(StudentJvm jvm, CompiledSubmission code, URI emulator, String table) {
        this.jvm = jvm;
        String endpoint = "http://127.0.0.1:" + jvm.route(emulator.getHost(), emulator.getPort());
        this.store = jvm.call(new OpenStore(jvm.code(code), endpoint, table), LIMIT, "new PreferencesStore(…)");
    }

    void createTable() {
        call("createTable", null, false);
    }

    void put(long userId, String name, String value) {
        call("put", null, false, userId, name, value);
    }

    Optional<String> get(long userId, String name) {
        StoreCall.Reply reply = call("get", null, false, userId, name);
        return reply.present() ? Optional.of((String) reply.value()) : Optional.empty();
    }

    /** What putIfAbsent returned, or the exception it let out. */
    record Outcome(Boolean wrote, Thrown thrown) {
    }

    Outcome putIfAbsent(long userId, String name, String value) {
        return outcome(call("putIfAbsent", null, true, userId, name, value));
    }

    /** putIfAbsent while another request sets {@code other} right after the student's first read (if any). */
    Outcome putIfAbsentRacing(long userId, String name, String value, String table, String other) {
        return outcome(call("putIfAbsent", new RecordedStore.Write(table, userId, name, other), true, userId, name,
                value));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> forUser(long userId) {
        return new TreeMap<>((Map<String, String>) call("forUser", null, false, userId).value());
    }

    /** The requests of the last call, in order. */
    List<RecordedStore.Seen> seen() {
        return seen;
    }

    /** Operation names of the last call's requests: "PutItem", "Query", … */
    List<String> operations() {
        return seen.stream().map(RecordedStore.Seen::operation).toList();
    }

    /** Whether the write of {@link #putIfAbsentRacing} happened (the student's code read first). */
    boolean concurrentWriteHappened() {
        return written;
    }

    private static Outcome outcome(StoreCall.Reply reply) {
        return new Outcome((Boolean) reply.value(), reply.thrown());
    }

    private StoreCall.Reply call(String method, RecordedStore.Write write, boolean exceptionIsAnswer, Object... args) {
        ArrayList<Object> list = new ArrayList<>(List.of(args));
        StoreCall.Reply reply = jvm.call(new StoreCall(store, method, list, write, exceptionIsAnswer), LIMIT, method);
        seen = reply.seen();
        written = reply.written();
        return reply;
    }

    @Override
    public void close() {
        jvm.release(store);
    }
}
