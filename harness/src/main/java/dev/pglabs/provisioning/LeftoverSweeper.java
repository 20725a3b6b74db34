package dev.pglabs.provisioning;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes the databases and roles of grading runs that ended without cleaning up (a killed process, a
 * test JVM halted by its runner, a laptop that went to sleep during {@code pglabs watch}).
 *
 * <p>Every farm names its objects {@code pglabs_<run>_…} and keeps an admin connection open for its whole
 * life under the application name {@code pglabs-run-<run>}. A run that owns objects on the server but has
 * no such connection is over, so its objects can go. {@code pg_stat_activity} shows the application name of
 * every session to every user, so this also works for a non-superuser (it then drops what it may drop).
 */
final class LeftoverSweeper {

    static final String APPLICATION_PREFIX = "pglabs-run-";

    private LeftoverSweeper() {
    }

    /** The application name a run's connections carry. */
    static String applicationName(String runId) {
        return APPLICATION_PREFIX + runId;
    }

    /** Drops what finished runs left behind; returns how many databases and roles went. Never throws. */
    static int sweep(Connection admin, int serverVersion) {
        try {
            Set<String> dead = runsWithObjects(admin);
            dead.removeAll(liveRuns(admin));
            int removed = 0;
            for (String run : dead) {
                removed += dropRun(admin, run, serverVersion);
            }
            return removed;
        } catch (SQLException e) {
            return 0;  // best effort: a server that hides pg_stat_activity simply keeps its leftovers
        }
    }

    private static Set<String> runsWithObjects(Connection admin) throws SQLException {
        return strings(admin, "SELECT DISTINCT substring(name FROM '^pglabs_([0-9a-f]{6})_') FROM ("
                + "SELECT datname::text AS name FROM pg_database UNION ALL SELECT rolname::text FROM pg_roles) o "
                + "WHERE name ~ '^pglabs_[0-9a-f]{6}_'");
    }

    private static Set<String> liveRuns(Connection admin) throws SQLException {
        return strings(admin, "SELECT DISTINCT substring(application_name FROM '^" + APPLICATION_PREFIX
                + "([0-9a-f]{6})$') FROM pg_stat_activity WHERE application_name LIKE '" + APPLICATION_PREFIX + "%'");
    }

    private static int dropRun(Connection admin, String run, int serverVersion) throws SQLException {
        String prefix = "pglabs\\_" + run + "\\_%";
        int removed = 0;
        // Databases first (a role cannot go while it has rights on one), then the login roles, then the group.
        for (String db : strings(admin, "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "'")) {
            removed += quietly(admin, "DROP DATABASE IF EXISTS " + db
                    + (serverVersion >= 130000 ? " WITH (FORCE)" : "")) ? 1 : 0;
        }
        List<String> roles = new ArrayList<>(strings(admin,
                "SELECT rolname FROM pg_roles WHERE rolname LIKE '" + prefix + "'"));
        roles.sort((a, b) -> Boolean.compare(a.endsWith("_students"), b.endsWith("_students")));
        for (String role : roles) {
            removed += quietly(admin, "DROP ROLE IF EXISTS " + role) ? 1 : 0;
        }
        return removed;
    }

    private static boolean quietly(Connection admin, String sql) {
        try (Statement st = admin.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
