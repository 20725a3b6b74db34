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
    /** Where the templates are kept between runs; null when not caching (tests with special settings). */
    private final ClusterCache cache;
    /** The templates this server started with, copied from the cache. */
    private final Map<String, String> cachedTemplates;
    private volatile Map<String, String> templatesToKeep;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, String adminPassword, ClusterCache cache,
                           Map<String, String> cachedTemplates) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.admin = new ConnectionTarget("localhost", postgres.getPort(), "postgres", "postgres", adminPassword,
                Map.of());
        this.cache = cache;
        this.cachedTemplates = Map.copyOf(cachedTemplates);
        // Stop the server and remove its folder even when the JVM ends without closing us (Ctrl-C, System.exit).
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private final Thread shutdownHook = new Thread(this::stop, "pglabs-embedded-stop");

    /** With extra server settings (tests use it to reproduce configurations other servers have); no cache. */
    static EmbeddedServer start(Map<String, String> settings) {
        return start(settings, null);
    }

    static EmbeddedServer start(Map<String, String> settings, ClusterCache cache) {
        Path dataDirectory = scratchRoot().resolve("pglabs-pg-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> cached = cache == null ? Map.of() : cache.restore(dataDirectory);
        try {
            EmbeddedPostgres.Builder builder = tunedBuilder(dataDirectory);
            if (!cached.isEmpty()) {
                // zonky waits for a connection however soon the server gave up: a cluster PostgreSQL refuses (another
                // major version after an upgrade, damaged files) would cost the whole wait before the fresh start.
                // A good one from the cache is up in well under a second, even on a busy machine.
                builder.setPGStartupWait(CACHED_STARTUP_WAIT);
            }
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    // zonky runs initdb when the folder holds no cluster yet, i.e. unless it came from the cache.
                    // close() removes the folder itself, after it may have kept a copy of it.
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
            try {
                return new EmbeddedServer(postgres, dataDirectory, requirePasswords(postgres.getPort(), dataDirectory), cache,
                        cached);
            } catch (RuntimeException | IOException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            ScratchFolders.deleteTree(dataDirectory);
            if (!cached.isEmpty()) {
                // A cache from another PostgreSQL version, or damaged: forget it and start the usual way.
                cache.discard();
                return start(settings, cache);
            }
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server: " + e.getMessage()
                    + ". Set DATABASE_URL to use another server instead.",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    @Override
    public boolean cachesTemplates() {
        return cache != null;
    }

    @Override
    public Map<String, String> cachedTemplates() {
        return cachedTemplates;
    }

    @Override
    public synchronized void keepTemplates(Map<String, String> templates) {
        // Several farms may share the server (tests): keep what each of them asks for.
        Map<String, String> merged = new java.util.TreeMap<>(templatesToKeep == null ? Map.of() : templatesToKeep);
        merged.putAll(templates);
        this.templatesToKeep = Map.copyOf(merged);
    }

    /**
     * initdb trusts every local connection, so student Java (which may open JDBC connections of its own) could
     * log in as the superuser. Once started (zonky's start-up probe needs the trust), the admin role gets a
     * random password that only this process knows and every connection must present a password.
     *
     * The course server of {@code pglabs db start} ({@link LocalServer}) is locked the same way.
     *
     * @return the admin password
     */
    static String requirePasswords(int port, Path dataDirectory) throws IOException {
        String password = java.util.HexFormat.of().formatHex(DatabaseFarm.randomBytes(24));
        Path hba = dataDirectory.resolve("pg_hba.conf");
        Path original = dataDirectory.resolve(ClusterCache.ORIGINAL_HBA);
        if (!Files.exists(original)) {
            Files.copy(hba, original);  // a cached copy of this cluster must start with it (zonky's probe)
        }
        Files.writeString(hba, """
                # Written by pglabs after start-up: passwords for everyone, loopback only.
                local all all scram-sha-256
                host  all all 127.0.0.1/32 scram-sha-256
                host  all all ::1/128 scram-sha-256
                """, java.nio.charset.StandardCharsets.UTF_8);
        ConnectionTarget trusted = new ConnectionTarget("localhost", port, "postgres", "postgres",
                null, Map.of());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(trusted.jdbcUrl(), trusted.properties());
             java.sql.Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            st.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new ProvisioningException("Could not set up password authentication on the embedded "
                    + "PostgreSQL server: " + e.getMessage(), e);
        }
        return password;
    }

    /** How long a cluster restored from the cache may take to accept connections before it is given up. */
    static final Duration CACHED_STARTUP_WAIT = Duration.ofSeconds(15);

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
                // Every check logs in with a password (SCRAM): PostgreSQL's 4096 key-stretching rounds guard stored
                // passwords against cracking, which a loopback server of throwaway roles does not need, and cost
                // milliseconds on both ends of each of the thousands of logins of a class run.
                .setServerConfig("scram_iterations", "16")
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
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or about to.
        }
        stop();
    }

    private synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", e);
        }
        Map<String, String> keep = templatesToKeep;
        templatesToKeep = null;
        if (cache != null && keep != null && Files.isDirectory(dataDirectory)) {
            cache.save(dataDirectory, keep);
        }
        ScratchFolders.deleteTree(dataDirectory);
    }
}
