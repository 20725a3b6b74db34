package dev.pglabs.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The course's own PostgreSQL that outlives one command ({@code pglabs db start}): later grading runs
 * skip the 2 s start-up, and a student can open it with psql. Locked like the per-run embedded server: every
 * connection must give a password (SCRAM), the admin's is random.
 *
 * <p>Everything lives in one folder only its owner may enter ({@code <cache>/server}, mode 0700, where {@code <cache>}
 * is {@code $PGLABS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/pglabs}, else {@code ~/.cache/pglabs}): the data directory,
 * {@code server.json} (port, process, admin password, a random marker) and {@code pgpass}, a libpq password file for
 * psql. Nothing recorded there is trusted unless the folder and the file belong to this user and nobody else may read
 * them, and the server on the recorded port is only used once it has accepted the recorded password and shown the
 * recorded marker: a server another user started on a shared machine, or one that took over the port of ours, is
 * never picked up. {@code pglabs db stop} stops the server and deletes the folder's contents.
 */
public final class LocalServer {

    /** What {@code db start} leaves behind so later commands can find (and stop) the server. */
    public record State(int port, String dataDirectory, long pid, String password, String marker) {
        public ConnectionTarget admin() {
            return new ConnectionTarget("localhost", port, "postgres", "postgres", password, Map.of());
        }

        /** The admin login on another database of the server; {@code null} for the maintenance database. */
        public ConnectionTarget admin(String database) {
            return database == null || database.isBlank() ? admin() : admin().withDatabase(database);
        }

        @Override
        public String toString() {  // never the password
            return "course server on port " + port + " (process " + pid + ")";
        }
    }

    /** The role setting that carries the marker (set on our server's admin role only). */
    static final String MARKER_SETTING = "pglabs.server_marker";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;

    LocalServer(Path folder) {
        this.folder = folder;
    }

    /** The course server of this user, in the cache folder the environment names. */
    public static LocalServer fromEnvironment(Map<String, String> environment) {
        return new LocalServer(CacheFolder.root(environment).resolve("server"));
    }

    public static LocalServer fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The folder that holds the server's data and state. */
    public Path folder() {
        return folder;
    }

    private Path stateFile() {
        return folder.resolve("server.json");
    }

    /** The libpq password file that {@link #url} points psql at. */
    public Path passwordFile() {
        return folder.resolve("pgpass");
    }

    /**
     * The running server, if {@code db start} left one that is ours and answers: the state may be trusted
     * ({@link #recorded}) and the server accepts the recorded password and shows the recorded marker.
     */
    public Optional<State> running() {
        return recorded().filter(LocalServer::verified);
    }

    /**
     * What {@code db start} recorded, if it may be trusted at all: the folder and the state file are this user's,
     * not links, and nobody else may read or change them. Says nothing about whether the server still runs.
     */
    public Optional<State> recorded() {
        try {
            if (!ownerOnly(folder, true) || !ownerOnly(stateFile(), false)) {
                return Optional.empty();
            }
            State state = MAPPER.readValue(Files.readString(stateFile(), StandardCharsets.UTF_8), State.class);
            return state.password() == null || state.marker() == null ? Optional.empty() : Optional.of(state);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the server on the recorded port is the one we started: our password works and our marker is there. */
    static boolean verified(State state) {
        ConnectionTarget admin = state.admin();
        Properties props = admin.properties();
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "10");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), props);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('" + MARKER_SETTING + "', true)")) {
            return rs.next() && state.marker().equals(rs.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    /** Starts the server, or returns the running one. */
    public State start() {
        Optional<State> existing = running();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            secureFolder();
            stop();  // a recorded server that no longer answers as ours: end it and its data first
            Path data = folder.resolve("pgdata");
            ScratchFolders.deleteTree(data);
            EmbeddedPostgres postgres = EmbeddedServer.tunedBuilder(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)  // it must outlive this command
                    .start();
            try {
                long pid = postmasterPid(data).orElseThrow(() -> new IOException("no postmaster.pid in " + data));
                String password = EmbeddedServer.requirePasswords(postgres.getPort(), data);
                String marker = HexFormat.of().formatHex(DatabaseFarm.randomBytes(16));
                State state = new State(postgres.getPort(), data.toString(), pid, password, marker);
                try (Connection c = DriverManager.getConnection(state.admin().jdbcUrl(), state.admin().properties());
                     Statement st = c.createStatement()) {
                    st.execute("ALTER ROLE postgres SET " + MARKER_SETTING + " = '" + marker + "'");
                }
                writeOwnerOnly(passwordFile(), "# pglabs db start: the course server's admin password, for psql (libpq)\n"
                        + "*:" + state.port() + ":*:postgres:" + password + "\n");
                writeOwnerOnly(stateFile(), MAPPER.writeValueAsString(state));
                return state;
            } catch (IOException | SQLException | RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException | SQLException e) {
            throw new UncheckedIOException("Could not start the course database: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Stops the server and deletes its data; false when none was running. */
    public boolean stop() {
        Optional<State> state = recorded();
        if (state.isEmpty()) {
            return false;
        }
        Path data = Path.of(state.get().dataDirectory());
        // Only a process that is the postmaster of our data directory: a recorded pid may since belong to anything.
        Optional<ProcessHandle> process = postmasterPid(data).filter(pid -> pid == state.get().pid())
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        process.ifPresent(p -> {
            p.destroy();  // SIGTERM: PostgreSQL's smart shutdown
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
        try {
            if (data.startsWith(folder)) {  // never delete what a state file names elsewhere
                ScratchFolders.deleteTree(data);
            }
            Files.deleteIfExists(passwordFile());
            Files.deleteIfExists(stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Stopped the server but could not delete its state: " + e.getMessage(), e);
        }
        return process.isPresent();
    }

    /**
     * A libpq URL of the admin login without the password: {@code passfile} names {@link #passwordFile()}, so
     * {@code psql "$(pglabs db url)"} logs in and the password never shows on a command line ({@code ps}).
     */
    public String url(State state) {
        return url(state, null);
    }

    /** {@link #url(State)} for another database of the server ({@code null}: postgres). */
    public String url(State state, String database) {
        return state.admin(database).libpqUri(false) + "?passfile="
                + DatabaseUrl.encode(passwordFile().toAbsolutePath().toString()).replace("%2F", "/");
    }

    private static Optional<Long> postmasterPid(Path data) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Creates the folder for this user alone, or makes sure the existing one is this user's and closes it. */
    private void secureFolder() throws IOException {
        Files.createDirectories(folder.getParent());
        boolean posix = Files.getFileAttributeView(folder.getParent(), PosixFileAttributeView.class) != null;
        try {
            if (posix) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    || !ownedByMe(folder)) {
                throw new IOException(folder + " is not a folder of yours: remove it, or set " + CacheFolder.DIRECTORY
                        + " to a folder of your own");
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_DIR);  // umask may have widened it
        }
    }

    /** Writes a file only its owner can read, replacing the old one in one step. */
    private void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = posix(folder)
                ? Files.createTempFile(folder, ".tmp-", "", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(folder, ".tmp-", "");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** This user's, no link, and (where the file system has POSIX permissions) closed to group and others. */
    static boolean ownerOnly(Path path, boolean directory) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)
                || (directory ? !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                : !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                || !ownedByMe(path)) {
            return false;
        }
        if (!posix(path)) {
            return true;
        }
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.permissions().stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }

    private static boolean ownedByMe(Path path) throws IOException {
        // user.name comes from the account the JVM runs as (not from $USER).
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }
}
