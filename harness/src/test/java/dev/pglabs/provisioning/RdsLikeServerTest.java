package dev.pglabs.provisioning;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RDS-like server behaves as lab 10 says: TLS and SCRAM only, a certificate for localhost
 * from the course CA, plain connections refused. One server for the class; it is gone after close().
 */
@DisplayName("RDS-like server (TLS, SCRAM, course CA)")
class RdsLikeServerTest {

    /** pgJDBC logs a SEVERE line for the refused host name, which this test provokes on purpose. */
    private static final Logger HOSTNAME_LOG =
            Logger.getLogger("org.postgresql.ssl.PGjdbcHostnameVerifier");

    private static RdsLikeServer server;
    private static CheckDatabase db;

    @BeforeAll
    static void start() {
        HOSTNAME_LOG.setLevel(Level.OFF);
        server = RdsLikeServer.start();
        db = server.create(Dataset.of(List.of()));
    }

    @AfterAll
    static void stop() {
        Path tls = server.caCertificate().getParent();
        db.close();
        server.close();
        assertThat(tls).as("certificates and keys are deleted with the server").doesNotExist();
    }

    @Test
    @DisplayName("verify-full with the course CA connects over TLS, with the role's SCRAM password")
    void verifyFullWithCourseCa() throws SQLException {
        try (Connection c = connect(server.host(), "verify-full", server.caCertificate());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl, current_user FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("pg_stat_ssl.ssl").isTrue();
            assertThat(rs.getString(2)).isEqualTo(db.role());
        }
        try (Connection admin = db.openAdmin(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + db.role() + "'")) {
            rs.next();
            assertThat(rs.getString(1)).as("stored password of the check role").startsWith("SCRAM-SHA-256$");
        }
    }

    @Test
    @DisplayName("a plain connection, another CA or another host name is refused")
    void refusesWhatRdsRefuses() {
        assertThatThrownBy(() -> connect(server.host(), "disable", server.caCertificate()).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"))
                .hasMessageContaining("no encryption");
        assertThatThrownBy(() -> connect(server.host(), "verify-full", server.untrustedCaCertificate()).close())
                .hasMessageContaining("PKIX");
        assertThatThrownBy(() -> connect("127.0.0.1", "verify-full", server.caCertificate()).close())
                .hasMessageContaining("hostname");
    }

    @Test
    @DisplayName("the server certificate names localhost only and is signed by the course CA")
    void certificates() throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca;
        try (var in = Files.newInputStream(server.caCertificate())) {
            ca = (X509Certificate) x509.generateCertificate(in);
        }
        assertThat(ca.getBasicConstraints()).as("the CA may sign certificates").isGreaterThanOrEqualTo(0);
        ca.verify(ca.getPublicKey());
        Path key = server.caCertificate().resolveSibling("server.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .as("PostgreSQL refuses a key others can read").isEqualTo("rw-------");
        try (var in = Files.newInputStream(server.caCertificate().resolveSibling("server.crt"))) {
            X509Certificate cert = (X509Certificate) x509.generateCertificate(in);
            cert.verify(ca.getPublicKey());
            assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(2, "localhost"));
            assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        }
    }

    private static Connection connect(String host, String sslmode, Path rootCert) throws SQLException {
        ConnectionTarget t = db.studentTarget();
        Properties props = new Properties();
        props.setProperty("user", t.user());
        props.setProperty("password", t.password());
        props.setProperty("sslmode", sslmode);
        props.setProperty("sslrootcert", rootCert.toString());
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + server.port() + "/" + t.database(), props);
    }
}
