package dev.pglabs.provisioning;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Leftovers of a run that ended without cleaning up go; those of a live run stay. */
@Tag("provider")
class LeftoverSweeperTest {

    private static final DatabaseServer SERVER = TestServers.shared();

    @Test
    @DisplayName("a run's objects survive while its marked connection is open and go once it is closed")
    void sweepsOnlyFinishedRuns() throws SQLException {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        String run = HexFormat.of().formatHex(bytes);
        ConnectionTarget admin = SERVER.admin();
        try (Connection c = connect(admin)) {
            int livePid;
            // The run's marked connection first, as a farm opens it: the server may be shared, and another run's
            // sweep must never see these objects without a live owner.
            try (Connection live = connect(admin.withParameter("ApplicationName", LeftoverSweeper.applicationName(run)))) {
                livePid = backendPid(live);
                execute(c, "CREATE DATABASE pglabs_" + run + "_db1");
                execute(c, "CREATE ROLE pglabs_" + run + "_students NOLOGIN");
                execute(c, "CREATE ROLE pglabs_" + run + "_r1 LOGIN IN ROLE pglabs_" + run + "_students");
                execute(c, "GRANT CONNECT ON DATABASE pglabs_" + run + "_db1 TO pglabs_" + run + "_r1");

                LeftoverSweeper.sweep(c, serverVersion(c));
                assertThat(objects(c, run)).as("objects of a live run").isEqualTo(3);
            }
            // Closing a connection only asks its server process to end: until it has, pg_stat_activity still
            // shows the run as live (and the sweeper rightly keeps its objects).
            awaitBackendGone(c, livePid);
            LeftoverSweeper.sweep(c, serverVersion(c));
            assertThat(objects(c, run)).as("objects of a finished run").isZero();
        } finally {
            try (Connection c = connect(admin)) {  // a failed run of this test leaves nothing behind either
                execute(c, "DROP DATABASE IF EXISTS pglabs_" + run + "_db1");
                execute(c, "DROP ROLE IF EXISTS pglabs_" + run + "_r1");
                execute(c, "DROP ROLE IF EXISTS pglabs_" + run + "_students");
            }
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits (at most 30 s) until the server process of a closed connection has left pg_stat_activity. */
    private static void awaitBackendGone(Connection c, int pid) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            st.setInt(1, pid);
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the server process %s of the closed connection has ended", pid)
                        .isLessThan(deadline);
                LockSupport.parkNanos(10_000_000L);  // poll every 10 ms
            }
        }
    }

    private static int objects(Connection c, String run) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM pg_database WHERE datname LIKE 'pglabs\\_"
                     + run + "\\_%') + (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'pglabs\\_" + run + "\\_%')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connect(ConnectionTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.properties());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
