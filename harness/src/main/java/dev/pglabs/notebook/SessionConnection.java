package dev.pglabs.notebook;

import dev.pglabs.provisioning.CheckDatabase;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The notebook's own connection as the lab's student role, shared by SQL cells and the Java helpers, and the
 * one statement running on it, so that a time-out can cancel it from another thread.
 *
 * <p>The role's advisory limits are lifted for this session: the notebook enforces its own cell time limit
 * (by cancelling), and a reader who pauses between a BEGIN cell and a ROLLBACK cell must not be disconnected.
 * The time zone is UTC so that recorded outputs read the same on every machine.
 */
final class SessionConnection implements AutoCloseable {

    private static final String SETTINGS = "SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0; "
            + "SET TimeZone = 'UTC'";

    private final CheckDatabase db;
    private Connection connection;
    private int backendPid;
    private volatile Statement running;
    /** Set when a Java cell's time limit cancelled the statement a helper runs: the helper stays quiet. */
    private volatile boolean cancelledByCell;
    private Connection admin;

    SessionConnection(CheckDatabase db) {
        this.db = db;
    }

    /** The connection, opened (again) if needed. */
    synchronized Connection get() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties props = db.studentTarget().properties();
            props.setProperty("ApplicationName", "pglabs-notebook");
            connection = DriverManager.getConnection(db.studentTarget().jdbcUrl(), props);
            connection.setAutoCommit(true);
            backendPid = connection.unwrap(PGConnection.class).getBackendPID();
            try (Statement st = connection.createStatement()) {
                st.execute(SETTINGS);
            }
        }
        return connection;
    }

    /** A statement that runs SQL as written: no JDBC escape processing of {fn …} or {d …}. */
    Statement createStatement() throws SQLException {
        Statement st = get().createStatement();
        st.setEscapeProcessing(false);
        return st;
    }

    void running(Statement statement) {
        running = statement;
    }

    /** The statement running now, or null. */
    Statement current() {
        return running;
    }

    /** Whether a statement runs now. */
    boolean busy() {
        return running != null;
    }

    /** Cancels for a Java cell's time limit (the helper that ran the statement then reports nothing itself). */
    boolean cancelForCell() {
        cancelledByCell = true;
        return cancel();
    }

    boolean cancelledByCell() {
        return cancelledByCell;
    }

    void clearCancelledByCell() {
        cancelledByCell = false;
    }

    /** Asks the server to cancel whatever runs now (from any thread); true if something was running. */
    boolean cancel() {
        Statement st = running;
        if (st == null) {
            return false;
        }
        try {
            st.cancel();
        } catch (SQLException e) {
            // Nothing to cancel any more.
        }
        return true;
    }

    /** Ends the backend from an administrative connection, for a statement that ignored its cancel. */
    void terminate() {
        int pid = backendPid;
        try {
            synchronized (this) {
                if (admin == null || admin.isClosed()) {
                    admin = db.openAdmin();
                }
            }
            try (var ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                ps.setInt(1, pid);
                ps.execute();
            }
        } catch (SQLException | RuntimeException e) {
            // Gone already.
        }
    }

    /** PostgreSQL's transaction state on this connection (IDLE outside a transaction). */
    TransactionState transactionState() {
        try {
            return get().unwrap(BaseConnection.class).getTransactionState();
        } catch (SQLException e) {
            return TransactionState.IDLE;
        }
    }

    /** Drops the connection (after a time-out left it in an unknown state); the next use opens a new one. */
    synchronized void reset() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Broken already.
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
