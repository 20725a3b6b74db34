package dev.pglabs.provisioning;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A local PostgreSQL that behaves like Amazon RDS with {@code rds.force_ssl = 1}: clients must use TLS and a
 * SCRAM-SHA-256 password; plain connections are refused. Its server certificate is issued for
 * {@value #HOST} only and signed by a course certificate authority made at start-up ({@link #caCertificate()},
 * standing in for the RDS CA bundle), so {@code sslmode=verify-full} works against {@value #HOST} with that
 * CA, and fails with another CA ({@link #untrustedCaCertificate()}) or another host name ({@code 127.0.0.1}).
 *
 * <p>The harness itself logs in as {@code postgres} over loopback without a password (zonky's start-up probe
 * does too); every other role, such as the per-check roles of {@link #create(Dataset)}, goes through
 * {@code hostssl … scram-sha-256}. Started lazily, as a lab service, for the labs
 * that need it; {@link #close()} stops it and deletes its data directory and certificates.
 */
public final class RdsLikeServer implements DatabaseServer {

    /** The name in the server certificate: the only host name verify-full accepts. */
    public static final String HOST = "localhost";
    private static final Duration VALIDITY = Duration.ofDays(2);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path tlsDirectory;
    private final ConnectionTarget admin;
    private final DatabaseFarm farm;

    private RdsLikeServer(EmbeddedPostgres postgres, Path dataDirectory, Path tlsDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.tlsDirectory = tlsDirectory;
        this.admin = new ConnectionTarget(HOST, postgres.getPort(), "postgres", "postgres", null, Map.of());
        this.farm = new DatabaseFarm(this, SandboxLimits.defaults());
    }

    /** Makes the certificates and starts the server (about two seconds). */
    public static RdsLikeServer start() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path root = EmbeddedServer.scratchRoot();
        // Named like the embedded server's folders (pglabs-pg-…), so whatever looks for leftovers finds these too.
        Path dataDirectory = root.resolve("pglabs-pg-rds-" + id);
        Path tls = root.resolve("pglabs-pg-rds-" + id + "-tls");
        EmbeddedPostgres postgres = null;
        try {
            Files.createDirectories(tls);
            CourseCertificates.Issued ca = CourseCertificates.authority("pglabs course CA", VALIDITY);
            CourseCertificates.Issued server = CourseCertificates.server(ca, HOST, List.of(HOST), VALIDITY);
            CourseCertificates.Issued stranger = CourseCertificates.authority("Some other CA", VALIDITY);
            CourseCertificates.writeCertificate(tls.resolve("course-ca.pem"), ca.certificate());
            CourseCertificates.writeCertificate(tls.resolve("other-ca.pem"), stranger.certificate());
            CourseCertificates.writeCertificate(tls.resolve("server.crt"), server.certificate());
            CourseCertificates.writeKey(tls.resolve("server.key"), server.key());
            Files.writeString(tls.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);

            postgres = EmbeddedServer.tunedBuilder(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", tls.resolve("server.crt").toAbsolutePath().toString())
                    .setServerConfig("ssl_key_file", tls.resolve("server.key").toAbsolutePath().toString())
                    .setServerConfig("ssl_min_protocol_version", "TLSv1.2")
                    .setServerConfig("hba_file", tls.resolve("pg_hba.conf").toAbsolutePath().toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new RdsLikeServer(postgres, dataDirectory, tls);
        } catch (IOException | RuntimeException e) {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // Reporting the start-up failure matters more.
                }
            }
            ScratchFolders.deleteTree(tls);
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new ProvisioningException("Could not start the RDS-like PostgreSQL (TLS, SCRAM passwords): "
                    + message, e);
        }
    }

    /**
     * Who may connect, and how: the harness's own admin login over loopback, as zonky's start-up probe needs;
     * everyone else TLS and SCRAM only, like RDS with rds.force_ssl = 1.
     */
    private static final String HBA = """
            # pglabs RDS-like server: TLS and SCRAM passwords only, except the harness's own admin login.
            # TYPE     DATABASE  USER      ADDRESS        METHOD
            host       all       postgres  127.0.0.1/32   trust
            host       all       postgres  ::1/128        trust
            hostnossl  all       all       0.0.0.0/0      reject
            hostnossl  all       all       ::/0           reject
            hostssl    all       all       127.0.0.1/32   scram-sha-256
            hostssl    all       all       ::1/128        scram-sha-256
            """;

    /** PEM of the course CA: what {@code sslrootcert} must name for verify-full to succeed. */
    public Path caCertificate() {
        return tlsDirectory.resolve("course-ca.pem");
    }

    /** PEM of a CA that did not sign this server's certificate: verify-ca and verify-full must refuse it. */
    public Path untrustedCaCertificate() {
        return tlsDirectory.resolve("other-ca.pem");
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * A fresh database on this server with its own login role (a SCRAM password), dropped when closed. Its
     * {@link CheckDatabase#studentTarget()} connects only with TLS.
     */
    public CheckDatabase create(Dataset dataset) {
        return farm.create(dataset);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.EMBEDDED;
    }

    @Override
    public ConnectionTarget admin() {
        return admin;
    }

    @Override
    public String description() {
        return "RDS-like PostgreSQL (TLS and SCRAM only) on " + HOST + ":" + port() + " (data in " + dataDirectory + ")";
    }

    @Override
    public void close() {
        try {
            farm.close();
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the RDS-like PostgreSQL server", e);
            } finally {
                ScratchFolders.deleteTree(tlsDirectory);
            }
        }
    }
}
