package dev.pglabs.grading;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.sql.SqlStates;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs SQL from several sessions of the student's role at the same time, as concurrent application clients
 * would, and records what happened to every call: its result, the SQLSTATE it failed with, how often it was
 * retried. For graders that check invariants under concurrency (no lost update, no deadlock, no oversold seat).
 *
 * <p>A grade must not depend on timing, so the runner makes races happen every time rather than by luck:
 * <ul>
 *   <li>all clients connect first and start together (a start barrier);</li>
 *   <li>a <em>gate</em> ({@link Options#gate(String)}): before the clients start, the grader locks the rows they
 *       will fight over in a transaction of its own, waits until every client is blocked on a lock (seen in
 *       {@code pg_locks}) or finished, and then releases them all at once. Every client has by then read what it
 *       reads before anyone writes, so check-then-act and read-then-write answers go wrong on every run, while an
 *       answer that locks (or writes relative to the current value) simply waits its turn;</li>
 *   <li>a gate in stages ({@link Options#gates(String...)}): one grader transaction per stage, released one after
 *       the other, each once every client is blocked again. Locking row A in the first stage and row B in the
 *       second makes a transfer A→B hold A and queue for B behind a transfer B→A before anyone gets B, so an
 *       answer that locks in the direction of the transfer deadlocks on every run (PostgreSQL's tuple locks keep
 *       waiters in arrival order), and one that locks in a fixed order never does;</li>
 *   <li>deadlocks are detected in 50 ms instead of PostgreSQL's default second: {@link #open} lowers
 *       {@code deadlock_timeout} for the check database, where the grader's role may (a superuser setting; on a
 *       server where it may not, detection takes the default time and the outcome is the same);</li>
 *   <li>retries on chosen SQLSTATEs ({@link Options#retrying}), as a real client does at REPEATABLE READ or
 *       SERIALIZABLE on 40001 serialization_failure (and, often, 40P01 deadlock_detected).</li>
 * </ul>
 * Time is bounded: each statement has a time limit (the query is cancelled, and the first call cancelled so ends
 * the whole run), lock waits have one, and the whole run has one, after which the remaining backends are terminated
 * and their calls are recorded as stopped. The check database is dropped with FORCE afterwards anyway.
 *
 * <p>Every call runs in its own transaction at the chosen isolation level, as one JDBC prepared statement with
 * parameters ({@code SELECT transfer(?, ?, ?)}); the first column of its first row is kept as its value.
 *
 * <pre>{@code
 * try (ConcurrentClients clients = ConcurrentClients.open(db, 8)) {
 *     clients.session(0).execute(answer.statements(), answer.origin());   // create the student's function
 *     Report report = clients.run(plan, Options.readCommitted().gate("SELECT 1 FROM accounts WHERE id IN (1, 2) FOR UPDATE"));
 * }
 * }</pre>
 * The sessions count against the student role's connection limit, together with any other open session of the
 * check (such as {@link CheckDatabase#student()}).
 */
public final class ConcurrentClients implements AutoCloseable {

    /** The transaction isolation level every call of a run uses. */
    public enum Isolation {
        READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, "READ COMMITTED"),
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, "REPEATABLE READ"),
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE, "SERIALIZABLE");

        private final int jdbcLevel;
        private final String sql;

        Isolation(int jdbcLevel, String sql) {
            this.jdbcLevel = jdbcLevel;
            this.sql = sql;
        }

        /** As SQL writes it: "REPEATABLE READ". */
        public String sql() {
            return sql;
        }
    }

    /** One call a client makes: SQL with JDBC parameters ({@code ?}), and how to show it in feedback. */
    public record Call(String label, String sql, List<Object> params) {
        public Call {
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }

        public static Call of(String label, String sql, Object... params) {
            return new Call(label, sql, Arrays.asList(params));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * How a run behaves.
     *
     * @param isolation        level of every call's transaction
     * @param retryOn          SQLSTATEs after which a call's transaction is rolled back and run again
     * @param maxRetries       retries per call at most; then the call fails with the last error
     * @param gates            SQL the grader runs before the clients start, each in a transaction of its own, to lock
     *                         rows (e.g. {@code SELECT 1 FROM t WHERE id IN (…) FOR UPDATE}); released in this order,
     *                         each once every client is blocked; empty for no gate
     * @param gateWait         how long to wait at most, per stage, for every client to be blocked before opening the
     *                         gate anyway
     * @param statementTimeout time limit of one statement (the query is cancelled), also used as lock_timeout
     * @param timeLimit        time limit of the whole run
     */
    public record Options(Isolation isolation, Set<String> retryOn, int maxRetries, List<String> gates, Duration gateWait,
                          Duration statementTimeout, Duration timeLimit) {

        public Options {
            retryOn = Set.copyOf(retryOn);
            gates = List.copyOf(gates);
        }

        /** READ COMMITTED (PostgreSQL's default), no retries, no gate, 5 s per statement, 60 s per run. */
        public static Options readCommitted() {
            return new Options(Isolation.READ_COMMITTED, Set.of(), 0, List.of(), Duration.ofSeconds(3),
                    Duration.ofSeconds(5), Duration.ofSeconds(60));
        }

        public Options isolation(Isolation level) {
            return new Options(level, retryOn, maxRetries, gates, gateWait, statementTimeout, timeLimit);
        }

        /** Retries a call up to {@code max} times when it fails with one of these SQLSTATEs. */
        public Options retrying(int max, String... sqlStates) {
            return new Options(isolation, Set.of(sqlStates), max, gates, gateWait, statementTimeout, timeLimit);
        }

        /** Holds the locks this SQL takes (run by the grader) until every client is blocked, then releases them. */
        public Options gate(String lockSql) {
            return gates(lockSql);
        }

        /**
         * Holds the locks of each SQL in a grader transaction of its own; releases them in this order, each stage
         * once every client is blocked (again).
         */
        public Options gates(String... lockSqlInOrder) {
            return new Options(isolation, retryOn, maxRetries, List.of(lockSqlInOrder), gateWait, statementTimeout,
                    timeLimit);
        }

        public Options gateWait(Duration wait) {
            return new Options(isolation, retryOn, maxRetries, gates, wait, statementTimeout, timeLimit);
        }

        public Options statementTimeout(Duration timeout) {
            return new Options(isolation, retryOn, maxRetries, gates, gateWait, timeout, timeLimit);
        }

        public Options timeLimit(Duration limit) {
            return new Options(isolation, retryOn, maxRetries, gates, gateWait, statementTimeout, limit);
        }
    }

    /** How one call ended. */
    public enum Result {
        /** Committed. */
        SUCCEEDED,
        /** Failed with an SQL error (after any retries); its transaction was rolled back. */
        FAILED,
        /** Not run to its end: the run's time limit stopped it, or its connection was lost. */
        STOPPED
    }

    /**
     * What happened to one call.
     *
     * @param client   which client (0-based) made it
     * @param index    its position in that client's plan
     * @param value    first column of the first row it returned (JDBC object), or null
     * @param sqlState the SQLSTATE it failed with, or null
     * @param message  PostgreSQL's message (first line), or null
     * @param retries  how often it was retried before its final outcome
     * @param retriedStates the SQLSTATE of every retried attempt, in order
     */
    public record Outcome(int client, int index, Call call, Result result, Object value, String sqlState,
                         String message, int retries, List<String> retriedStates) {

        public boolean succeeded() {
            return result == Result.SUCCEEDED;
        }
    }

    /**
     * Everything a run did.
     *
     * @param allBlockedAtGate   every client was seen blocked before each gate stage opened (false: a stage opened
     *                           after its wait ran out)
     * @param stoppedAtTimeLimit the run's time limit passed and the clients still running were stopped
     */
    public record Report(int clients, Isolation isolation, List<Outcome> outcomes, boolean gateUsed,
                         boolean allBlockedAtGate, boolean stoppedAtTimeLimit) {

        /**
         * The call that ran past the statement time limit, if one did. The first such call ends the run: the other
         * clients finish the call they are making and stop, and their remaining calls are reported as stopped.
         */
        public Optional<Outcome> timedOut() {
            return outcomes.stream().filter(o -> o.result() == Result.STOPPED && QUERY_CANCELED.equals(o.sqlState()))
                    .findFirst();
        }

        public List<Outcome> succeeded() {
            return outcomes.stream().filter(Outcome::succeeded).toList();
        }

        /** Calls that failed or were stopped. */
        public List<Outcome> unsuccessful() {
            return outcomes.stream().filter(o -> !o.succeeded()).toList();
        }

        /** Unsuccessful calls by SQLSTATE ("stopped" for stopped calls), most frequent first. */
        public Map<String, List<Outcome>> unsuccessfulByState() {
            Map<String, List<Outcome>> byState = new TreeMap<>();
            for (Outcome o : unsuccessful()) {
                String key = o.result() == Result.STOPPED ? "stopped" : String.valueOf(o.sqlState());
                byState.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            }
            return byState.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }

        /** Number of unsuccessful calls with this SQLSTATE. */
        public long failedWith(String sqlState) {
            return unsuccessful().stream().filter(o -> sqlState.equals(o.sqlState())).count();
        }

        /** Retries of all calls. */
        public int retries() {
            return outcomes.stream().mapToInt(Outcome::retries).sum();
        }

        /** Retries by the SQLSTATE that caused them. */
        public Map<String, Long> retriesByState() {
            return outcomes.stream().flatMap(o -> o.retriedStates().stream())
                    .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        }

        /** "37 × deadlock_detected (40P01), 2 × stopped" for the unsuccessful calls; "" when all succeeded. */
        public String failureSummary() {
            return unsuccessfulByState().entrySet().stream()
                    .map(e -> e.getValue().size() + " × " + (e.getKey().equals("stopped") ? "stopped (time limit)"
                            : stateName(e.getKey()) + " (" + e.getKey() + ")"))
                    .collect(Collectors.joining(", "));
        }

        /** "12 retries (10 × serialization_failure (40001), 2 × deadlock_detected (40P01))", or "no retries". */
        public String retrySummary() {
            int total = retries();
            if (total == 0) {
                return "no retries";
            }
            return total + (total == 1 ? " retry (" : " retries (") + retriesByState().entrySet().stream()
                    .map(e -> e.getValue() + " × " + stateName(e.getKey()) + " (" + e.getKey() + ")")
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    /** The condition name of an SQLSTATE PostgreSQL reports ("deadlock_detected" for 40P01). */
    public static String stateName(String sqlState) {
        if (sqlState == null) {
            return "unknown error";
        }
        return SqlStates.name(sqlState)
                .orElse(sqlState.startsWith("08") ? "connection_exception" : "SQLSTATE " + sqlState);
    }

    private static final Duration DEADLOCK_TIMEOUT = Duration.ofMillis(50);
    private static final String QUERY_CANCELED = "57014";
    private static final long POLL_MS = 2;

    private final CheckDatabase db;
    private final List<StudentSession> sessions;
    private final int[] pids;
    private final boolean deadlockTimeoutLowered;

    private ConcurrentClients(CheckDatabase db, List<StudentSession> sessions, int[] pids, boolean lowered) {
        this.db = db;
        this.sessions = sessions;
        this.pids = pids;
        this.deadlockTimeoutLowered = lowered;
    }

    /**
     * Opens {@code clients} new sessions of the student's role on the check database, connected and ready,
     * after lowering the database's deadlock_timeout where the grader may.
     */
    public static ConcurrentClients open(CheckDatabase db, int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("at least one client");
        }
        boolean lowered = lowerDeadlockTimeout(db);
        List<StudentSession> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(db.openStudent());
        }
        // Connect in parallel: on a busy machine sixteen connections one after the other take a while.
        int[] pids = new int[clients];
        RuntimeException[] failures = new RuntimeException[clients];
        List<Thread> connecting = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int k = i;
            connecting.add(DaemonThreads.start("pglabs-connect-" + (i + 1), () -> {
                try {
                    pids[k] = sessions.get(k).connection().unwrap(PGConnection.class).getBackendPID();
                } catch (SQLException | RuntimeException e) {
                    failures[k] = new ProvisioningException("Could not open client session " + (k + 1) + " of "
                            + clients + ": " + e.getMessage(), e);
                }
            }));
        }
        for (Thread t : connecting) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("Interrupted while connecting the client sessions", e);
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
        return new ConcurrentClients(db, List.copyOf(sessions), pids, lowered);
    }

    private static boolean lowerDeadlockTimeout(CheckDatabase db) {
        try (Connection admin = db.openAdmin(); Statement st = admin.createStatement()) {
            st.execute("ALTER DATABASE \"" + db.name().replace("\"", "\"\"") + "\" SET deadlock_timeout = '"
                    + DEADLOCK_TIMEOUT.toMillis() + "ms'");
            return true;
        } catch (SQLException e) {
            return false;  // Not a superuser: PostgreSQL's default (1 s) applies; slower, same outcome.
        }
    }

    /** How many clients there are. */
    public int size() {
        return sessions.size();
    }

    /** Client {@code i}'s session, e.g. to create the student's functions before a run. */
    public StudentSession session(int i) {
        return sessions.get(i);
    }

    /** Whether deadlocks are detected after 50 ms (the grader could lower deadlock_timeout) or after 1 s. */
    public boolean deadlockTimeoutLowered() {
        return deadlockTimeoutLowered;
    }

    /**
     * Runs the plan: client {@code i} makes the calls {@code plan.get(i)} one after the other, all clients at
     * the same time. Needs at most {@link #size()} clients. Blocks until every client is done or the run's time
     * limit has passed.
     */
    public Report run(List<List<Call>> plan, Options options) {
        int n = plan.size();
        if (n > sessions.size()) {
            throw new IllegalArgumentException("the plan has " + n + " clients, but only " + sessions.size() + " are open");
        }
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.add(prepare(sessions.get(i), options));
            pids[i] = backendPid(connections.get(i));  // a session reconnects after a lost connection
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<List<Outcome>> outcomes = new ArrayList<>();
        AtomicBoolean[] done = new AtomicBoolean[n];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int client = i;
            List<Outcome> mine = Collections.synchronizedList(new ArrayList<>());
            outcomes.add(mine);
            done[i] = new AtomicBoolean();
            // Started once the gates are closed (a gate that fails leaves no thread waiting).
            threads.add(DaemonThreads.named("pglabs-client-" + (i + 1)).newThread(() -> {
                try {
                    go.await();
                    runClient(client, connections.get(client), plan.get(client), options, stop, mine);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done[client].set(true);
                }
            }));
        }

        boolean allBlocked = !options.gates().isEmpty();
        List<Connection> gates = new ArrayList<>();
        try {
            for (String lockSql : options.gates()) {
                gates.add(closeGateAsGrader(lockSql));
            }
            threads.forEach(Thread::start);
            go.countDown();
            while (!gates.isEmpty()) {
                allBlocked &= awaitAllBlocked(done, n, options.gateWait());
                openGate(gates.remove(0));
            }
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gates.forEach(ConcurrentClients::openGate);
        }

        boolean stopped = threads.stream().anyMatch(Thread::isAlive);
        if (stopped) {
            stop.set(true);
            stopClients(threads, connections);
        }
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Outcome> mine;
            synchronized (outcomes.get(i)) {
                mine = new ArrayList<>(outcomes.get(i));
            }
            for (int k = mine.size(); k < plan.get(i).size(); k++) {
                mine.add(new Outcome(i, k, plan.get(i).get(k), Result.STOPPED, null, null, stopped || stop.get()
                        ? "not run: the clients were stopped"
                        : "not run: an earlier call of this client lost its connection", 0, List.of()));
            }
            all.addAll(mine);
        }
        for (int i = 0; i < n; i++) {
            restore(connections.get(i));
        }
        return new Report(n, options.isolation(), List.copyOf(all), !options.gates().isEmpty(), allBlocked, stopped);
    }

    private static Connection prepare(StudentSession session, Options options) {
        Connection c = session.connection();
        try {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = '" + options.statementTimeout().toMillis() + "ms'");
            }
            c.setTransactionIsolation(options.isolation().jdbcLevel);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw new ProvisioningException("Could not prepare a client session: " + e.getMessage(), e);
        }
    }

    private static int backendPid(Connection c) {
        try {
            return c.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            throw new ProvisioningException("Could not prepare a client session: " + e.getMessage(), e);
        }
    }

    private static void restore(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException ignored) {
            // A broken session is reopened by StudentSession on its next use.
        }
    }

    private static void runClient(int client, Connection c, List<Call> calls, Options options, AtomicBoolean stop,
                                  List<Outcome> out) {
        for (int k = 0; k < calls.size(); k++) {
            if (stop.get()) {
                return;
            }
            Outcome o = call(client, k, c, calls.get(k), options, stop);
            out.add(o);
            if (o.result() == Result.STOPPED) {
                return;
            }
        }
    }

    private static Outcome call(int client, int index, Connection c, Call call, Options options, AtomicBoolean stop) {
        int timeoutSeconds = (int) Math.max(1, (options.statementTimeout().toMillis() + 999) / 1000);
        List<String> retried = new ArrayList<>();
        while (true) {
            try (PreparedStatement ps = c.prepareStatement(call.sql())) {
                ps.setQueryTimeout(timeoutSeconds);
                for (int p = 0; p < call.params().size(); p++) {
                    ps.setObject(p + 1, call.params().get(p));
                }
                Object value = null;
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        if (rs.next()) {
                            value = rs.getObject(1);
                        }
                    }
                }
                c.commit();
                return new Outcome(client, index, call, Result.SUCCEEDED, value, null, null, retried.size(),
                        List.copyOf(retried));
            } catch (SQLException e) {
                rollbackQuietly(c);
                String state = e.getSQLState();
                boolean lost = isClosed(c) || (state != null && state.startsWith("08")) || "57P01".equals(state);
                if (QUERY_CANCELED.equals(state)) {
                    // Past the statement time limit: the answer hangs. End the run now rather than let every
                    // remaining call wait out the limit too.
                    stop.set(true);
                    return new Outcome(client, index, call, Result.STOPPED, null, state,
                            "ran longer than the statement time limit (" + timeoutSeconds + " s) and was cancelled",
                            retried.size(), List.copyOf(retried));
                }
                if (stop.get() || lost) {
                    return new Outcome(client, index, call, Result.STOPPED, null, state,
                            stop.get() ? "stopped with the other clients" : "the connection was lost: " + firstLine(e),
                            retried.size(), List.copyOf(retried));
                }
                if (state != null && options.retryOn().contains(state) && retried.size() < options.maxRetries()) {
                    retried.add(state);
                    continue;
                }
                return new Outcome(client, index, call, Result.FAILED, null, state, firstLine(e), retried.size(),
                        List.copyOf(retried));
            }
        }
    }

    private Connection closeGateAsGrader(String gateSql) {
        Connection gate = db.openAdmin();
        try {
            gate.setAutoCommit(false);
            try (Statement st = gate.createStatement()) {
                st.execute(gateSql);
            }
            return gate;
        } catch (SQLException e) {
            throw new ProvisioningException("The grader could not lock the rows for the concurrent clients: "
                    + e.getMessage(), e);
        }
    }

    private static void openGate(Connection gate) {
        try {
            gate.commit();
        } catch (SQLException e) {
            // Closing ends the transaction anyway.
        } finally {
            try {
                gate.close();
            } catch (SQLException ignored) {
                // Gone already.
            }
        }
    }

    /**
     * Waits until every client is blocked on a lock or finished; false when the wait ran out first. A waiter's lock is
     * granted by the releasing transaction itself (before its COMMIT returns), so right after a stage opens, the
     * clients it let through no longer count as blocked until they block again.
     */
    private boolean awaitAllBlocked(AtomicBoolean[] done, int n, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        try (Connection admin = db.openAdmin();
             PreparedStatement ps = admin.prepareStatement(
                     "SELECT DISTINCT pid FROM pg_locks WHERE NOT granted AND pid = ANY (?)")) {
            Integer[] watched = new Integer[n];
            for (int i = 0; i < n; i++) {
                watched[i] = pids[i];
            }
            Array array = admin.createArrayOf("integer", watched);
            ps.setArray(1, array);
            while (System.nanoTime() < until) {
                Set<Integer> waiting = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        waiting.add(rs.getInt(1));
                    }
                }
                boolean all = true;
                for (int i = 0; i < n && all; i++) {
                    all = done[i].get() || waiting.contains(pids[i]);
                }
                if (all) {
                    return true;
                }
                Thread.sleep(POLL_MS);
            }
            return false;
        } catch (SQLException e) {
            return false;  // Cannot watch the locks: open the gate now; the run still happens, with less contention.
        }
    }

    private void stopClients(List<Thread> threads, List<Connection> connections) {
        try (Connection admin = db.openAdmin();
             PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            for (int i = 0; i < threads.size(); i++) {
                if (threads.get(i).isAlive()) {
                    ps.setInt(1, pids[i]);
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            // Fall through to aborting the connections from our side.
        }
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).isAlive()) {
                try {
                    connections.get(i).abort(Runnable::run);
                } catch (SQLException ignored) {
                    // Closed already.
                }
            }
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is broken; the caller sees that next.
        }
    }

    private static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static String firstLine(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String text = server != null && server.getMessage() != null ? server.getMessage() : String.valueOf(e.getMessage());
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** Closes the client sessions (the check closes them too). */
    @Override
    public void close() {
        for (StudentSession s : sessions) {
            s.close();
        }
    }
}
