package dev.pglabs.provisioning;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A private PostgreSQL started from zonky's binaries. It only ever holds throwaway data, so it is
 * tuned for speed (no fsync, data directory in RAM when /dev/shm exists) and listens on loopback only.
 */
final class EmbeddedServer implements DatabaseServer {

    private final EmbeddedPostgres postgres;
    private final ConnectionTarget admin;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.admin = new ConnectionTarget("localhost", postgres.getPort(), "postgres", "postgres", null, Map.of());
    }

    static EmbeddedServer start() {
        return start(Map.of());
    }

    /** With extra server settings (tests use it to reproduce configurations other servers have). */
    static EmbeddedServer start(Map<String, String> settings) {
        Path dataDirectory = scratchRoot().resolve("pglabs-pg-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            EmbeddedPostgres.Builder builder = tunedBuilder(dataDirectory);
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setCleanDataDirectory(true)
                    // Stop the server even when the JVM ends without closing us (Ctrl-C, System.exit).
                    .setRegisterShutdownHook(true)
                    .start();
            return new EmbeddedServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage()
                    + ". Set DATABASE_URL to use another server instead.", e);
        }
    }

    /** A server for throwaway data: no durability, loopback only, nothing left outside its data directory. */
    static EmbeddedPostgres.Builder tunedBuilder(Path dataDirectory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("log_min_messages", "fatal")
                // Shared memory segments inside the data directory, so nothing outlives it in /dev/shm.
                .setServerConfig("dynamic_shared_memory_type", "mmap");
    }

    /** Below this much free RAM disk (Docker's default /dev/shm is 64 MB) the data directory goes to disk. */
    static final long MIN_SHM_BYTES = 1024L * 1024 * 1024;

    /** RAM-backed scratch space when the machine has enough of it: clones cost ~11 ms there instead of ~70 ms. */
    static Path scratchRoot() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm) && usableSpace(shm) >= MIN_SHM_BYTES) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.EMBEDDED;
    }

    @Override
    public ConnectionTarget admin() {
        return admin;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on port " + postgres.getPort() + " (data in " + dataDirectory + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", e);
        }
    }
}
