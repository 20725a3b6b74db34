package dev.pglabs.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The course's own PostgreSQL that outlives one command ({@code pglabs db start}): later grading runs
 * skip the 2 s start-up, and a student can open it with psql. Its data lives under the user's cache
 * folder (never in the repository) and is deleted by {@code pglabs db stop}.
 */
public final class LocalServer {

    /** What {@code db start} leaves behind so later commands can find (and stop) the server. */
    public record State(int port, String dataDirectory, long pid) {
        public ConnectionTarget admin() {
            return new ConnectionTarget("localhost", port, "postgres", "postgres", null, Map.of());
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalServer() {
    }

    static Path home() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("pglabs");
    }

    private static Path stateFile() {
        return home().resolve("server.json");
    }

    /** The running server, if {@code db start} left one that still answers. */
    public static Optional<State> running() {
        try {
            if (!Files.isRegularFile(stateFile())) {
                return Optional.empty();
            }
            State state = MAPPER.readValue(stateFile().toFile(), State.class);
            boolean alive = ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive && answers(state.port()) ? Optional.of(state) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static State start() {
        Optional<State> existing = running();
        if (existing.isPresent()) {
            return existing.get();
        }
        Path data = home().resolve("pgdata");
        try {
            deleteRecursively(data);
            Files.createDirectories(home());
            EmbeddedPostgres postgres = EmbeddedServer.tunedBuilder(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)  // it must outlive this command
                    .start();
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            State state = new State(postgres.getPort(), data.toString(), pid);
            MAPPER.writeValue(stateFile().toFile(), state);
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the course database: " + e.getMessage(), e);
        }
    }

    /** Stops the server and deletes its data; false when none was running. */
    public static boolean stop() {
        Optional<State> state = readState();
        if (state.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(state.get().pid());
        process.ifPresent(p -> {
            p.destroy();  // SIGTERM: PostgreSQL's smart shutdown
            try {
                p.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        try {
            deleteRecursively(Path.of(state.get().dataDirectory()));
            Files.deleteIfExists(stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Stopped the server but could not delete its data: " + e.getMessage(), e);
        }
        return process.isPresent();
    }

    private static Optional<State> readState() {
        try {
            return Files.isRegularFile(stateFile())
                    ? Optional.of(MAPPER.readValue(stateFile().toFile(), State.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
