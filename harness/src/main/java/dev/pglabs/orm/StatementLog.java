package dev.pglabs.orm;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Records every SQL statement that reaches the database through a {@link DataSource}, at the JDBC level, so it
 * sees what an ORM really sends: the lazy loads of an N+1 loop, batched inserts, and the transaction boundaries
 * (commit, rollback, autocommit switches) around them. The grader gives Ebean {@link #wrap(DataSource) the
 * wrapped DataSource}, runs one operation of the student's code and reads the statements it cost.
 *
 * <pre>{@code
 * StatementLog.Recording<List<Post>> run = orm.statements().record(() -> repo.latestPosts(10));
 * SqlBudget.assertWithin(run.statements(), 2, "latestPosts(10)");
 * }</pre>
 *
 * Counting is per execute call: a JDBC batch of 20 inserts is one round trip and counts once (it shows as
 * "× 20"). Bound parameters are kept (shortened) so feedback can show which row each query asked for.
 */
public final class StatementLog {

    /** One statement as the database received it, or a transaction event (commit, rollback, …). */
    public record Entry(String sql, List<String> parameters, int batchSize, boolean transactionControl) {

        /** The statement in one line, with its parameters, e.g. {@code select … where t0.id = ?   [7]}. */
        public String shown() {
            String oneLine = sql.strip().replaceAll("\\s+", " ");
            String params = parameters.isEmpty() ? "" : "   " + parameters;
            String batch = batchSize > 1 ? "   (batch × " + batchSize + ")" : "";
            return oneLine + params + batch;
        }

        /** The SQL text alone, normalised for grouping repeats (same query, other parameters). */
        public String normalized() {
            return sql.strip().replaceAll("\\s+", " ");
        }
    }

    /** What an operation returned, and the statements it ran. */
    public record Recording<T>(T value, List<Entry> entries) {

        /** The SQL statements only (no commit/rollback events). */
        public List<Entry> statements() {
            return entries.stream().filter(e -> !e.transactionControl()).toList();
        }
    }

    private static final int MAX_PARAMETER_CHARS = 40;
    /** Enough for any honest operation of a lab; a runaway loop does not fill the heap with strings. */
    private static final int MAX_ENTRIES = 10_000;
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate");

    private final List<Entry> entries = new ArrayList<>();
    private int dropped;

    /** A DataSource whose connections report here; give this one to Ebean (or to any code under test). */
    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> {
            if (result instanceof Connection c && method.getName().equals("getConnection")) {
                return connection(c);
            }
            return result;
        });
    }

    /** Forgets what was recorded so far (e.g. Ebean's own start-up queries). */
    public synchronized void clear() {
        entries.clear();
        dropped = 0;
    }

    /** Everything recorded since the last {@link #clear()}. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The SQL statements recorded since the last {@link #clear()} (no transaction events). */
    public synchronized List<Entry> statements() {
        return entries.stream().filter(e -> !e.transactionControl()).toList();
    }

    /**
     * Clears the log, runs {@code operation} and returns its value with what it sent. Run student code through
     * {@link dev.pglabs.javasub.JavaCalls} inside {@code operation} (or around this call) for the time limit.
     */
    public <T> Recording<T> record(Callable<T> operation) throws Exception {
        clear();
        T value = operation.call();
        return new Recording<>(value, entries());
    }

    private synchronized void add(Entry entry) {
        if (entries.size() < MAX_ENTRIES) {
            entries.add(entry);
        } else {
            dropped++;
        }
    }

    /** How many statements were not kept because the log was full. */
    public synchronized int dropped() {
        return dropped;
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args, result) -> {
            switch (method.getName()) {
                case "prepareStatement" -> {
                    return prepared(PreparedStatement.class, (PreparedStatement) result, (String) args[0]);
                }
                case "prepareCall" -> {
                    return prepared(CallableStatement.class, (CallableStatement) result, (String) args[0]);
                }
                case "createStatement" -> {
                    return plain((Statement) result);
                }
                case "commit" -> add(new Entry("COMMIT", List.of(), 1, true));
                case "rollback" -> add(new Entry(args == null || args.length == 0 ? "ROLLBACK"
                        : "ROLLBACK TO SAVEPOINT", List.of(), 1, true));
                case "setAutoCommit" -> add(new Entry("(autocommit " + (Boolean.TRUE.equals(args[0]) ? "on"
                        : "off") + ")", List.of(), 1, true));
                default -> {
                    // Other calls pass through unrecorded.
                }
            }
            return result;
        });
    }

    private <S extends PreparedStatement> S prepared(Class<S> type, S target, String sql) {
        Map<Integer, String> parameters = new TreeMap<>();
        List<String> firstBatch = new ArrayList<>();
        int[] batched = {0};
        return proxy(type, target, new After() {
            @Override
            public Object before(Method method, Object[] args) {
                String name = method.getName();
                if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
                        && !name.equals("setFetchSize") && !name.equals("setMaxRows")) {
                    parameters.put(index, name.equals("setNull") ? "null" : shortened(args[1]));
                } else if (name.equals("clearParameters")) {
                    parameters.clear();
                } else if (name.equals("addBatch") && (args == null || args.length == 0)) {
                    if (batched[0]++ == 0) {
                        firstBatch.addAll(parameters.values());
                    }
                } else if (EXECUTE.contains(name) && (args == null || args.length == 0)) {
                    add(new Entry(sql, List.copyOf(parameters.values()), 1, false));
                } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    if (batched[0] > 0) {
                        add(new Entry(sql, List.copyOf(firstBatch), batched[0], false));
                    }
                    batched[0] = 0;
                    firstBatch.clear();
                } else if (EXECUTE.contains(name) && args != null && args.length > 0 && args[0] instanceof String s) {
                    add(new Entry(s, List.of(), 1, false));
                }
                return null;
            }

            @Override
            public Object after(Method method, Object[] args, Object result) {
                return result;
            }
        });
    }

    private Statement plain(Statement target) {
        List<String> batch = new ArrayList<>();
        return proxy(Statement.class, target, new After() {
            @Override
            public Object before(Method method, Object[] args) {
                String name = method.getName();
                if (EXECUTE.contains(name) && args != null && args.length > 0 && args[0] instanceof String sql) {
                    add(new Entry(sql, List.of(), 1, false));
                } else if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
                    batch.add(sql);
                } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    batch.forEach(sql -> add(new Entry(sql, List.of(), 1, false)));
                    batch.clear();
                }
                return null;
            }

            @Override
            public Object after(Method method, Object[] args, Object result) {
                return result;
            }
        });
    }

    private static String shortened(Object value) {
        String s = String.valueOf(value);
        if (value instanceof String) {
            s = "'" + s + "'";
        }
        return s.length() <= MAX_PARAMETER_CHARS ? s : s.substring(0, MAX_PARAMETER_CHARS - 1) + "…";
    }

    /** Looks at a call before it is made (to record it) and at its result (to wrap it). */
    @FunctionalInterface
    private interface After {
        default Object before(Method method, Object[] args) {
            return null;
        }

        Object after(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After hook) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("unwrap") && args != null && args.length == 1 && args[0] instanceof Class<?> c
                    && c.isInstance(proxy)) {
                return proxy;
            }
            if (name.equals("isWrapperFor") && args != null && args.length == 1 && args[0] instanceof Class<?> c
                    && c.isInstance(proxy)) {
                return true;
            }
            if (name.equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            hook.before(method, args);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return hook.after(method, args, result);
        };
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
