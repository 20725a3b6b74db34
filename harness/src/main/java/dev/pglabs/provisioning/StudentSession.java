package dev.pglabs.provisioning;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.sql.SqlScript;
import dev.pglabs.sql.SqlStates;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * Runs a student's SQL as the check's sandbox role.
 *
 * <p>Time is enforced from outside, because a student may {@code SET statement_timeout = 0}: the driver
 * cancels the statement at the limit, and if the backend still runs a little later a watchdog
 * terminates it from the admin connection. Results are read up to the row cap.
 */
public final class StudentSession implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("pglabs-watchdog"));
    private static final long WATCHDOG_GRACE_MS = 2_000;

    private final ConnectionTarget target;
    private final SandboxLimits limits;
    private final IntConsumer terminator;
    private Connection connection;
    private int backendPid;

    StudentSession(ConnectionTarget target, SandboxLimits limits, IntConsumer terminator) {
        this.target = target;
        this.limits = limits;
        this.terminator = terminator;
    }

    /**
     * Runs SQL that must produce a result set and returns the last one (a script's final SELECT).
     *
     * @param origin where the SQL comes from, for messages ("01-sql-basics/03-latest-published.sql")
     */
    public ResultTable query(String sql, String origin) {
        return query(SqlScript.split(sql), origin);
    }

    /** As {@link #query(String, String)}, for a script already split into statements (a student's answer). */
    public ResultTable query(List<SqlScript.Statement> statements, String origin) {
        return run(statements, origin, true);
    }

    /** Runs a script (DDL, DML) for its effects. */
    public void execute(String sql, String origin) {
        execute(SqlScript.split(sql), origin);
    }

    /** As {@link #execute(String, String)}, for a script already split into statements (a student's answer). */
    public void execute(List<SqlScript.Statement> statements, String origin) {
        run(statements, origin, false);
    }

    /** The raw connection, for student Java code that needs JDBC. */
    public synchronized Connection connection() {
        try {
            return open();
        } catch (SQLException e) {
            throw new ProvisioningException("Could not connect as the student role: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the statements of a script one by one, as psql does, so each error is reported at its own line.
     * Each statement has the statement time limit; the whole script has three times that.
     */
    private synchronized ResultTable run(List<SqlScript.Statement> statements, String origin, boolean wantResult) {
        long budgetNanos = limits.statementTimeout().multipliedBy(3).toNanos();
        long start = System.nanoTime();
        ResultTable last = null;
        try {
            Connection c = open();
            for (SqlScript.Statement statement : statements) {
                if (SqlScript.withoutComments(statement.sql()).isEmpty()) {
                    continue;
                }
                long remaining = budgetNanos - (System.nanoTime() - start);
                if (remaining <= 0) {
                    throw new StatementTimeoutException(origin + " ran longer than "
                            + limits.statementTimeout().multipliedBy(3).toSeconds() + " s in all and was stopped.", null);
                }
                ResultTable result = runStatement(c, statement, origin,
                        Math.min(limits.statementTimeout().toMillis(), remaining / 1_000_000));
                if (result != null) {
                    last = result;
                }
            }
            checkNoOpenTransaction(c, origin);
        } catch (SQLException e) {
            throw new ProvisioningException("Lost the connection to the check database: " + e.getMessage(), e);
        }
        if (wantResult && last == null) {
            throw new StudentSqlException(origin + " did not return any rows: it should be a query "
                    + "(SELECT …), but PostgreSQL ran it as a command that returns no result.", null, null);
        }
        return last;
    }

    private ResultTable runStatement(Connection c, SqlScript.Statement statement, String origin, long limitMs) {
        AtomicBoolean watchdogFired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout((int) Math.max(1, Math.ceil(limitMs / 1000.0)));
            st.setMaxRows(limits.maxRows() + 1);
            int pid = backendPid;
            watchdog = WATCHDOG.schedule(() -> {
                watchdogFired.set(true);
                terminator.accept(pid);
            }, limitMs + WATCHDOG_GRACE_MS, TimeUnit.MILLISECONDS);
            ResultTable last = null;
            boolean isResult = st.execute(statement.sql());
            while (true) {
                if (isResult) {
                    try (ResultSet rs = st.getResultSet()) {
                        last = ResultTable.read(rs, limits.maxRows());
                    }
                } else if (st.getUpdateCount() == -1) {
                    break;
                }
                isResult = st.getMoreResults();
            }
            return last;
        } catch (SQLException e) {
            throw translate(e, statement, origin, watchdogFired.get());
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    private void checkNoOpenTransaction(Connection c, String origin) throws SQLException {
        // In autocommit mode a script's own BEGIN leaves the server inside a transaction block.
        if (c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
            try (Statement st = c.createStatement()) {
                st.execute("ROLLBACK");
            }
            throw new StudentSqlException(origin + " starts a transaction (BEGIN) but never ends it, so "
                    + "PostgreSQL throws its changes away. End it with COMMIT; or remove the BEGIN.", null, null);
        }
    }

    private Connection open() throws SQLException {
        if (connection == null || connection.isClosed()) {
            var props = target.properties();
            props.setProperty("ApplicationName", "pglabs-student");
            // Backstop for a backend that never answers: the socket gives up well after the watchdog.
            props.setProperty("socketTimeout", Long.toString(limits.statementTimeout().toSeconds() + 30));
            connection = DriverManager.getConnection(target.jdbcUrl(), props);
            connection.setAutoCommit(true);
            backendPid = connection.unwrap(PGConnection.class).getBackendPID();
        }
        return connection;
    }

    private RuntimeException translate(SQLException e, SqlScript.Statement statement, String origin,
                                       boolean watchdogFired) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (watchdogFired || state.equals("57014") || state.equals("57P01")) {
            closeQuietly();
            return new StatementTimeoutException(origin + " ran longer than " + limits.statementTimeout().toSeconds()
                    + " s and was stopped. Look for a missing WHERE or JOIN condition, a cross join, or an endless "
                    + "recursive query.", e);
        }
        if (state.equals("55P03")) {
            return new StatementTimeoutException(origin + " waited too long for a lock ("
                    + limits.lockTimeout().toSeconds() + " s) and was stopped.", e);
        }
        if (state.startsWith("08")) {
            closeQuietly();
        }
        StringBuilder message = new StringBuilder("PostgreSQL rejected ").append(origin);
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        message.append(" at line ").append(server != null && server.getPosition() > 0
                ? statement.fileLine(server.getPosition()) : statement.line());
        message.append(":\n  ").append(server != null ? "ERROR: " + server.getMessage() : e.getMessage());
        if (!state.isEmpty()) {
            message.append("\n  SQLSTATE ").append(state).append(" (").append(SqlStates.name(state).orElse("see the PostgreSQL manual, appendix A")).append(')');
        }
        if (server != null && server.getHint() != null) {
            message.append("\n  PostgreSQL's hint: ").append(server.getHint());
        }
        SqlStates.advice(state).ifPresent(advice -> message.append("\n  Hint: ").append(advice));
        return new StudentSqlException(message.toString(), state, e);
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // It is broken already.
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
