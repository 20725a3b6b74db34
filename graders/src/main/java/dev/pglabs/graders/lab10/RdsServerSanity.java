package dev.pglabs.graders.lab10;

import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.RdsLikeServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The grader's own look at the RDS-like server before it grades anything against it. */
final class RdsServerSanity {

    private RdsServerSanity() {
    }

    /** The RDS-like server must refuse this role without TLS; if not, the grader would grade nothing. */
    static void requirePlainRefused(RdsLikeServer rds, ConnectionTarget t) {
        Properties props = new Properties();
        props.setProperty("user", t.user());
        props.setProperty("password", t.password());
        props.setProperty("sslmode", "disable");
        props.setProperty("connectTimeout", "10");
        String url = "jdbc:postgresql://" + rds.host() + ":" + rds.port() + "/" + t.database();
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            throw new ProvisioningException("The RDS-like server accepted a connection without TLS; it must refuse "
                    + "it (pg_hba.conf hostnossl … reject).", null);
        } catch (SQLException e) {
            if (!"28000".equals(e.getSQLState())) {
                throw new ProvisioningException("The RDS-like server did not answer as expected to a plain "
                        + "connection: " + e.getMessage(), e);
            }
        }
    }
}
