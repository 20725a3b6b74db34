package dev.pglabs.provisioning;

import dev.pglabs.concurrent.DaemonThreads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out one fresh, isolated database per check on a {@link DatabaseServer}.
 *
 * <p>For each dataset it builds a template database once per run (keyed by a hash of its scripts),
 * then clones it per check ({@code CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY}). Each clone gets its
 * own unprivileged login role that can connect to that clone only. Clones and roles are dropped on a
 * background thread so that dropping stays off the critical path. Every name carries the run id and
 * nothing about the student. {@link #close()} removes everything this run created.
 */
public final class DatabaseFarm implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The students' group on a server whose templates are kept between runs (no run id: it outlives runs). */
    static final String CACHED_GROUP = "pglabs_cache_students";

    private final DatabaseServer server;
    private final SandboxLimits limits;
    private final String runId;
    private final String studentGroup;
    /** The server's admin, marked with this run's application name (see {@link LeftoverSweeper}). */
    private final ConnectionTarget adminTarget;
    private final Connection admin;
    private final boolean superuser;
    private final int serverVersion;
    private final String cloneStrategy;
    /** Whether students can PREPARE TRANSACTION here (their prepared transactions must go before a drop). */
    private final boolean preparedTransactions;
    /** Template names by dataset hash; a future, so a check that needs a template being built waits for it. */
    private final Map<String, CompletableFuture<String>> templates = new ConcurrentHashMap<>();
    private final Map<Dataset, String> keys = new ConcurrentHashMap<>();
    /** Dataset hashes this run asked for (a kept cache stays bounded: see {@link #keepTemplates}). */
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    /** More kept templates than the course has variants means old datasets pile up: keep only the used ones. */
    static final int MAX_KEPT_TEMPLATES = 40;
    private final List<String> templateNames = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Ready-made check databases per template; small, because unused ones are dropped at close. */
    private static final int POOL_SIZE = 2;
    private final Map<String, Deque<CheckDatabase>> ready = new ConcurrentHashMap<>();
    private final ExecutorService filler = Executors.newSingleThreadExecutor(DaemonThreads.named("pglabs-pool"));
    private Connection fillerConnection;  // used on the filler thread only
    private volatile boolean closed;
    /**
     * Drops run off the critical path, on two threads (a drop waits on the disk more than on the CPU). The queue
     * is bounded: on a durable server drops are slower than clones, and an unbounded backlog would pile up
     * hundreds of databases on the server and still be draining when the process exits. When it is full, the
     * check that ends drops its own database (back-pressure).
     */
    private final ExecutorService dropper = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_PENDING_DROPS), DaemonThreads.named("pglabs-dropper"),
            (task, executor) -> task.run());
    private static final int MAX_PENDING_DROPS = 16;
    /**
     * Connections the drops take turns on: a new one per drop would cost the server a backend (a fork and a login)
     * for every check. As many as threads drop at once; closed with the farm.
     */
    private final Queue<Connection> dropConnections = new ConcurrentLinkedQueue<>();
    private volatile boolean dropsClosed;
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(DaemonThreads.named("pglabs-templates"));

    public DatabaseFarm(DatabaseServer server, SandboxLimits limits) {
        this.server = server;
        this.limits = limits;
        this.runId = HexFormat.of().formatHex(randomBytes(3));
        // Templates kept for later runs grant to the group, so there it must outlive the run (a private server).
        this.studentGroup = server.cachesTemplates() ? CACHED_GROUP : "pglabs_" + runId + "_students";

        this.adminTarget = server.admin().withParameter("ApplicationName", LeftoverSweeper.applicationName(runId));
        try {
            this.admin = connect(adminTarget);
            try (Statement st = admin.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int, "
                         + "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user), current_setting('fsync'), "
                         + "current_setting('max_prepared_transactions')::int")) {
                rs.next();
                this.serverVersion = rs.getInt(1);
                this.superuser = rs.getBoolean(2);
                this.cloneStrategy = cloneStrategy(serverVersion, rs.getString(3));
                this.preparedTransactions = rs.getInt(4) > 0;
            }
            LeftoverSweeper.sweep(admin, serverVersion);
            for (Map.Entry<String, String> cached : server.cachedTemplates().entrySet()) {
                if (databaseExists(cached.getValue())) {  // a cache is never trusted blindly
                    templates.put(cached.getKey(), CompletableFuture.completedFuture(cached.getValue()));
                }
            }
            if (!server.cachesTemplates() || !roleExists(studentGroup)) {
                execute(admin, "CREATE ROLE " + studentGroup + " NOLOGIN");
            }
        } catch (SQLException e) {
            throw new ProvisioningException("Could not prepare " + server.description() + ": " + e.getMessage()
                    + (server.kind() == ProviderKind.URL ? ". Check DATABASE_URL and that its user may create "
                    + "databases and roles." : ""), e);
        }
    }

    public DatabaseServer server() {
        return server;
    }

    /** How this run's check databases and roles begin: {@code pglabs_<run>_} (tests look for leftovers by it). */
    public String objectPrefix() {
        return "pglabs_" + runId + "_";
    }

    /** Templates this farm can clone right away: built in this run or kept from earlier ones. */
    public int readyTemplates() {
        return (int) templates.values().stream().filter(t -> t.isDone() && !t.isCompletedExceptionally()).count();
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** PostgreSQL's version, e.g. "17.6". */
    public String serverVersion() {
        return (serverVersion / 10000) + "." + (serverVersion % 100);
    }

    /**
     * A new database cloned from the template for these setup scripts, with its own login role.
     * The template is built on first use in this run. Usually the database comes ready-made from the
     * pool that a background thread keeps filled, so a check does not wait for the clone.
     */
    public CheckDatabase create(Dataset dataset) {
        String template = template(dataset);
        CheckDatabase ready = pool(template).poll();
        CheckDatabase db = ready != null ? ready : provision(admin, template);
        refill(template);
        return db;
    }

    private Deque<CheckDatabase> pool(String template) {
        return ready.computeIfAbsent(template, t -> new ConcurrentLinkedDeque<>());
    }

    /** Tops the template's pool up to {@link #POOL_SIZE} on the filler thread, with the filler's own connection. */
    private void refill(String template) {
        if (closed) {
            return;
        }
        try {
            filler.submit(() -> {
                try {
                    if (fillerConnection == null) {
                        fillerConnection = connect(adminTarget);
                    }
                    Deque<CheckDatabase> pool = pool(template);
                    while (!closed && pool.size() < POOL_SIZE) {
                        pool.add(provision(fillerConnection, template));
                    }
                } catch (SQLException | RuntimeException e) {
                    // The pool is an optimisation: create() provisions synchronously when it is empty.
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }

    private CheckDatabase provision(Connection connection, String template) {
        int n = sequence.incrementAndGet();
        String database = "pglabs_" + runId + "_db" + n;
        String role = "pglabs_" + runId + "_r" + n;
        String password = HexFormat.of().formatHex(randomBytes(16));
        String strategy = cloneStrategy.isEmpty() ? "" : " STRATEGY " + cloneStrategy;
        try {
            synchronized (connection) {
                execute(connection, "CREATE DATABASE " + database + " TEMPLATE " + template + strategy);
                execute(connection, String.join(";\n",
                        "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC",
                        "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "' NOSUPERUSER NOCREATEDB "
                                + "NOCREATEROLE NOREPLICATION INHERIT CONNECTION LIMIT " + limits.connections()
                                + " IN ROLE " + studentGroup,
                        "GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role,
                        // Advice only (a student can SET these back): time is enforced from outside, see StudentSession.
                        "ALTER ROLE " + role + " SET statement_timeout = '" + limits.statementTimeout().toMillis() + "ms'",
                        "ALTER ROLE " + role + " SET lock_timeout = '" + limits.lockTimeout().toMillis() + "ms'",
                        "ALTER ROLE " + role + " SET idle_in_transaction_session_timeout = '"
                                + limits.statementTimeout().multipliedBy(3).toMillis() + "ms'")
                        // Only a superuser may set temp_file_limit, and then the student cannot raise it.
                        + (superuser ? ";\nALTER ROLE " + role + " SET temp_file_limit = '" + limits.tempFileLimit() + "'" : ""));
            }
        } catch (SQLException e) {
            dropLater(database, role);
            throw new ProvisioningException("Could not create a database for this check: " + e.getMessage(), e);
        }
        ConnectionTarget checkAdmin = adminTarget.withDatabase(database);
        ConnectionTarget studentTarget = server.admin().withDatabase(database).withUser(role, password);
        return new CheckDatabase(this, database, role, checkAdmin, studentTarget);
    }

    /**
     * FILE_COPY copies the template's files but forces two checkpoints: cheap on a throwaway server without
     * fsync (≈ 11 ms on tmpfs), costly on a durable one, where WAL_LOG (PostgreSQL's default) wins.
     * Measured by {@code pglabs bench}; see docs/benchmarks.md.
     */
    static String cloneStrategy(int serverVersion, String fsync) {
        if (serverVersion < 150000) {
            return "";
        }
        return "off".equals(fsync) ? "FILE_COPY" : "WAL_LOG";
    }

    /** The clone strategy used on this server ("FILE_COPY", "WAL_LOG", or "" before PostgreSQL 15). */
    public String cloneStrategy() {
        return cloneStrategy;
    }

    /** The template database for these setup scripts, built on first use (benchmarks clone it directly). */
    public String template(Dataset dataset) {
        String key = key(dataset);
        used.add(key);
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing = templates.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(buildTemplate(dataset));
            } catch (RuntimeException e) {
                templates.remove(key, mine);  // the next check tries again and reports its own error
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Whether the template for these scripts is built and can be cloned right away. */
    public boolean isReady(Dataset dataset) {
        CompletableFuture<String> template = templates.get(key(dataset));
        return template != null && template.isDone() && !template.isCompletedExceptionally();
    }

    /**
     * Builds these templates in the background, in order, while the first checks run: a lab with a large
     * dataset (lab 05 generates a million rows) then finds its template ready or half built instead of
     * starting from nothing. A failed build is reported by the check that needs it, not here.
     */
    public void prepare(List<Dataset> datasets) {
        for (Dataset dataset : datasets) {
            try {
                preparer.submit(() -> {
                    if (!closed) {
                        try {
                            template(dataset);
                        } catch (RuntimeException e) {
                            // The check that needs this template builds it again and reports the error.
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                return;  // closing
            }
        }
    }

    /** Ends a backend; the watchdog uses it when a student's statement ignores its cancel. */
    void terminate(int backendPid) {
        try {
            synchronized (admin) {
                try (var ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    ps.setInt(1, backendPid);
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            // The backend may already be gone; nothing else to do.
        }
    }

    void dropLater(String database, String role) {
        dropper.submit(() -> drop(database, role));
    }

    private void drop(String database, String role) {
        if (preparedTransactions) {
            rollBackPrepared(database);
        }
        Connection c = dropConnections.poll();
        try {
            if (c == null) {
                c = connect(adminTarget);
            }
            execute(c, "DROP DATABASE IF EXISTS " + database + (serverVersion >= 130000 ? " WITH (FORCE)" : ""));
            if (role != null) {
                execute(c, "DROP ROLE IF EXISTS " + role);
            }
            dropConnections.add(c);
            c = null;
            if (dropsClosed) {
                closeDropConnections();  // a late drop (a check closed after the farm): keep nothing open
            }
        } catch (SQLException e) {
            System.err.println("pglabs: could not drop " + database + ": " + e.getMessage());
        } finally {
            closeQuietly(c);  // one that failed is not used again
        }
    }

    private void closeDropConnections() {
        for (Connection c = dropConnections.poll(); c != null; c = dropConnections.poll()) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
    }

    /**
     * A student's PREPARE TRANSACTION outlives its session and keeps its locks, and a database with one cannot
     * be dropped. Only possible where max_prepared_transactions > 0 (PostgreSQL's default is 0).
     */
    private void rollBackPrepared(String database) {
        try (Connection c = connect(adminTarget.withDatabase(database));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            List<String> gids = new ArrayList<>();
            while (rs.next()) {
                gids.add(rs.getString(1));
            }
            for (String gid : gids) {
                execute(c, "ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            // The database may be gone already; DROP DATABASE reports anything that still holds it.
        }
    }

    private String buildTemplate(Dataset dataset) {
        String name;
        synchronized (templateNames) {
            // A template that may be kept is named so that the sweeper leaves it alone; the run id keeps two farms
            // on one server (tests) from building the same dataset under the same name.
            name = server.cachesTemplates() ? "pglabs_cache_" + key(dataset).substring(0, 24) + "_" + runId
                    : "pglabs_" + runId + "_tpl" + (templateNames.size() + 1);
            templateNames.add(name);
        }
        try {
            synchronized (admin) {
                execute(admin, "CREATE DATABASE " + name);
            }
            try (Connection c = connect(adminTarget.withDatabase(name))) {
                for (Path script : dataset.scripts()) {
                    load(c, script);
                }
                execute(c, String.join(";\n",
                        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                        "GRANT USAGE, CREATE ON SCHEMA public TO " + studentGroup,
                        // No TRIGGER: a student's trigger would later run inside the grader's own statements.
                        "GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES ON ALL TABLES IN SCHEMA public TO " + studentGroup,
                        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + studentGroup));
                List<String> schemas = datasetSchemas(c);
                for (String schema : schemas) {
                    grantSchema(c, schema, studentGroup, dataset.studentOwnsTables());
                }
                if (dataset.studentOwnsTables()) {
                    for (String schema : schemas) {
                        handTablesTo(c, schema, studentGroup);
                    }
                }
                execute(c, "VACUUM ANALYZE");
            }
            return name;
        } catch (SQLException | ProvisioningException e) {
            drop(name, null);  // half built: a retry builds it again under the same name
            synchronized (templateNames) {
                templateNames.remove(name);
            }
            throw e instanceof ProvisioningException p ? p
                    : new ProvisioningException("Could not build the lab database template: " + e.getMessage(), e);
        }
    }

    private static void load(Connection c, Path script) {
        String file = script.getFileName().toString();
        try {
            if (file.endsWith(".csv")) {
                String table = file.substring(0, file.length() - ".csv".length());
                try (var reader = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
                }
            } else {
                DatasetScript.load(c, script);
            }
        } catch (SQLException | IOException e) {
            throw new ProvisioningException("The course dataset " + file + " failed to load: " + e.getMessage(), e);
        }
    }

    /** The schemas the dataset holds its tables in: public, and any the dataset created (a pg_dump of a course). */
    private static List<String> datasetSchemas(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                     + "AND nspname <> 'information_schema' ORDER BY nspname")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /**
     * The student gets the same rights in a schema the dataset created as in public: otherwise every check of
     * a lab whose data lives in, say, {@code library} fails with "permission denied for schema library".
     */
    private static void grantSchema(Connection c, String schema, String role, boolean mayCreate) throws SQLException {
        if (schema.equals("public")) {
            return;  // granted above, with CREATE: students create their own tables and views there
        }
        String quoted = quoteIdentifier(c, schema);
        execute(c, String.join(";\n",
                "GRANT USAGE" + (mayCreate ? ", CREATE" : "") + " ON SCHEMA " + quoted + " TO " + role,
                "GRANT SELECT, INSERT, UPDATE, DELETE, REFERENCES ON ALL TABLES IN SCHEMA " + quoted + " TO " + role,
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + quoted + " TO " + role));
    }

    private static String quoteIdentifier(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT quote_ident(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Ownership lets the student's role create indexes and alter the lab's tables, in its own clone only. */
    private static void handTablesTo(Connection c, String schema, String role) throws SQLException {
        List<String> alters = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, ?) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm')")) {
            ps.setString(1, role);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alters.add(rs.getString(1));
                }
            }
        }
        for (String alter : alters) {
            execute(c, alter);  // owned sequences follow their tables
        }
    }

    /** The dataset's hash, read from its files once per run: every check and readiness test asks for it. */
    private String key(Dataset dataset) {
        return keys.computeIfAbsent(dataset, DatabaseFarm::templateKey);
    }

    private static String templateKey(Dataset dataset) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path script : dataset.scripts()) {
                digest.update(script.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(script));
                digest.update((byte) 0);
            }
            digest.update((byte) (dataset.studentOwnsTables() ? 1 : 0));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ProvisioningException("Could not read the course dataset " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(ConnectionTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.properties());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * Hands the server every template that is built, for the next run, when this run built a new one (otherwise
     * the cache already holds them all). A template whose build failed half-way is dropped.
     */
    private void keepTemplates() {
        Map<String, String> built = new TreeMap<>();
        templates.forEach((key, future) -> {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                built.put(key, future.join());
            }
        });
        templateNames.stream().filter(name -> !built.containsValue(name)).forEach(name -> drop(name, null));
        if (templateNames.stream().anyMatch(built::containsValue)) {
            if (built.size() > MAX_KEPT_TEMPLATES) {
                built.entrySet().removeIf(entry -> {
                    boolean stale = !used.contains(entry.getKey());
                    if (stale) {
                        drop(entry.getValue(), null);
                    }
                    return stale;
                });
            }
            server.keepTemplates(built);
        }
    }

    private boolean databaseExists(String database) throws SQLException {
        return exists("SELECT 1 FROM pg_database WHERE datname = ?", database);
    }

    private boolean roleExists(String role) throws SQLException {
        return exists("SELECT 1 FROM pg_roles WHERE rolname = ?", role);
    }

    private boolean exists(String sql, String name) throws SQLException {
        try (var ps = admin.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Waits for pending drops, then removes the templates and the student group role. */
    @Override
    public void close() {
        closed = true;
        preparer.shutdownNow();
        filler.shutdown();
        try {
            filler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ready.values().forEach(pool -> pool.forEach(CheckDatabase::close));
        closeQuietly(fillerConnection);
        dropper.shutdown();
        try {
            preparer.awaitTermination(1, TimeUnit.MINUTES);
            if (!dropper.awaitTermination(5, TimeUnit.MINUTES)) {
                System.err.println("pglabs: some check databases were still being dropped at exit; the next run "
                        + "on this server removes them.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (templateNames) {
            if (server.cachesTemplates()) {
                keepTemplates();
            } else {
                for (String template : templateNames) {
                    drop(template, null);
                }
            }
        }
        dropsClosed = true;
        closeDropConnections();
        try {
            synchronized (admin) {
                if (!server.cachesTemplates()) {
                    execute(admin, "DROP ROLE IF EXISTS " + studentGroup);
                }
                admin.close();
            }
        } catch (SQLException e) {
            System.err.println("pglabs: could not drop role " + studentGroup + ": " + e.getMessage());
        }
    }
}
