package dev.pglabs.provisioning;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Leftovers of a run that ended without cleaning up go; those of a live run stay. */
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
            execute(c, "CREATE DATABASE pglabs_" + run + "_db1");
            execute(c, "CREATE ROLE pglabs_" + run + "_students NOLOGIN");
            execute(c, "CREATE ROLE pglabs_" + run + "_r1 LOGIN IN ROLE pglabs_" + run + "_students");
            execute(c, "GRANT CONNECT ON DATABASE pglabs_" + run + "_db1 TO pglabs_" + run + "_r1");

            try (Connection live = connect(admin.withParameter("ApplicationName", LeftoverSweeper.applicationName(run)))) {
                LeftoverSweeper.sweep(c, serverVersion(c));
                assertThat(objects(c, run)).as("objects of a live run").isEqualTo(3);
            }
            LeftoverSweeper.sweep(c, serverVersion(c));
            assertThat(objects(c, run)).as("objects of a finished run").isZero();
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
