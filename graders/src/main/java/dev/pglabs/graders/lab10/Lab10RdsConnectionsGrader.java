package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.graders.lab10.sandboxed.IamRefresh;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.Thrown;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.lab10.StudentDb.Outcome;
import dev.pglabs.graders.lab10.StudentDb.Settings;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.DatabaseUrl;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.RdsLikeServer;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Grades lab 10 (connecting to a managed PostgreSQL such as RDS). The student's {@code app.db} code is compiled
 * by the harness and called by reflection (the lab builds on its own, with no course classes):
 * <ul>
 * <li>exercise 1, {@code DatabaseUrl.parse}: tables of URLs ({@link UrlCases}), visible by topic (a hidden one is in the lab's hidden checks);</li>
 * <li>exercises 2–4, {@code DataSourceFactory}: pools built from an environment the grader makes up, inspected
 * (pool size, timeouts, no password in the URL) and used for real connections — to the plain check database
 * and to the RDS-like server ({@link RdsLikeServer}: TLS and SCRAM only, certificate for localhost signed by a
 * course CA), where a wrong CA and a wrong host name must be refused;</li>
 * <li>exercise 5, {@code IamAuthentication}: IAM tokens checked like RDS would ({@link IamTokens}: the grader
 * recomputes the signature from test keys), and their refresh by a clock the grader moves.</li>
 * </ul>
 * The database passwords are made at run time and scrubbed from all feedback ({@link Secrecy}).
 */
@Grader(lab = "10-rds-connections")
@DisplayName("Lab 10 · RDS connections")
class Lab10RdsConnectionsGrader {

    /** pgJDBC logs a SEVERE line for every refused host name; the check's feedback says it better. */
    private static final Logger HOSTNAME_LOG = Logger.getLogger("org.postgresql.ssl.PGjdbcHostnameVerifier");

    static {
        HOSTNAME_LOG.setLevel(Level.OFF);
    }

    private static final String WRITER = "fromEnvironment";
    private static final String READER = "readerFromEnvironment";
    private static final String APP_NAME = "pglabs-lab10";
    private static final String DEFAULT_APP_NAME = "blog-api";
    private static final int DEFAULT_POOL_SIZE = 10;
    private static final int SHOWN = 6;

    /** A password written into test URLs; new for every check, so output of another submission never matches it. */
    private final String fakeSecret = "Sup3r-S3cret-"
            + java.util.HexFormat.of().toHexDigits((short) new java.security.SecureRandom().nextInt());

    /** The RDS-like server starts in the background while the first checks run; exercise 3 needs it. */
    @BeforeAll
    static void startRdsLikeServer(GradingSession session) {
        session.startAhead(RdsLikeService.class);
    }

    // ---- exercise 1: DatabaseUrl.parse ------------------------------------------------------------------

    @Check(id = "01-parse-simple",
            hint = "Cut the URL at '://', the last '@', the first '/' and the '?'. The JDBC URL is "
                    + "jdbc:postgresql://host:port/database; user and password go into the Properties, never into the URL.")
    @DisplayName("01 turns a plain DATABASE_URL into a JDBC URL, with user and password as properties")
    void e01_simple(CompiledSubmission code, StudentJvm jvm) {
        assertValid(new StudentDb(jvm, code), UrlCases.SIMPLE);
    }

    @Check(id = "01-parse-encoded",
            hint = "Decode %XX after splitting (the '@' of p%40ss is part of the password, not a separator). Don't use "
                    + "URLDecoder: it is for HTML forms and turns '+' into a space. Decode bytes, then read them as UTF-8.")
    @DisplayName("01 percent-decodes user and password (p%40ss is p@ss)")
    void e02_encoded(CompiledSubmission code, StudentJvm jvm) {
        assertValid(new StudentDb(jvm, code), UrlCases.ENCODED);
    }

    @Check(id = "01-parse-hosts", points = 2,
            hint = "Split the hosts at ','. A host in [brackets] is IPv6: its port comes after the ']', and the "
                    + "brackets stay in the JDBC URL. A host without a port gets 5432.")
    @DisplayName("01 handles the default port 5432, IPv6 hosts in brackets and several hosts")
    void e03_hosts(CompiledSubmission code, StudentJvm jvm) {
        assertValid(new StudentDb(jvm, code), UrlCases.HOSTS);
    }

    @Check(id = "01-parse-parameters",
            hint = "The URL's query parameters have names of their own; pgJDBC's properties are not always spelled "
                    + "the same (README section 2 has the table). Their values are percent-encoded.")
    @DisplayName("01 turns sslmode, sslrootcert, application_name and connect_timeout into driver properties")
    void e04_parameters(CompiledSubmission code, StudentJvm jvm) {
        assertValid(new StudentDb(jvm, code), UrlCases.PARAMETERS);
    }

    @Check(id = "01-parse-errors", points = 2,
            hint = "Validate each part as you cut the URL apart and fail with an IllegalArgumentException that "
                    + "names the part. Never put the whole URL in the message: it holds the password.")
    @DisplayName("01 rejects malformed URLs with an IllegalArgumentException that names the problem, never the password")
    void e05_errors(CompiledSubmission code, StudentJvm jvm) {
        assertMalformed(new StudentDb(jvm, code), UrlCases.MALFORMED);
    }

    // ---- exercise 2: the pool, from the environment ------------------------------------------------------

    @Check(id = "02-pool-settings", points = 2,
            hint = "config.setMaximumPoolSize(…) from DB_POOL_SIZE (10 when unset; a value that is not 1 to 100 is an "
                    + "IllegalArgumentException naming DB_POOL_SIZE), setConnectionTimeout(5_000), "
                    + "setMaxLifetime(25 minutes in ms): HikariCP's defaults (30 s, 30 min) do not fit.")
    @DisplayName("02 sizes the pool from DB_POOL_SIZE (default 10), with timeouts fit for a managed database")
    void e07_poolSettings(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) throws Exception {
        ConnectionTarget t = jvm.database(db.studentTarget());
        Secrecy.guard(Set.of(t.password()), () -> {
            StudentDb student = new StudentDb(jvm, code);
            String url = libpq(t, t.host(), localParameters(t));
            List<String> problems = new ArrayList<>();

            Map<String, String> sized = env("DATABASE_URL", url, "DB_POOL_SIZE", "7");
            {
                BuildPool.Settings pool = build(student, WRITER, sized);
                if (pool.maximumPoolSize() != 7) {
                    problems.add("With DB_POOL_SIZE=7 the pool's maximumPoolSize is " + pool.maximumPoolSize()
                            + ", expected 7.");
                }
                long timeout = pool.connectionTimeout();
                if (timeout < 1_000 || timeout > 10_000) {
                    problems.add("connectionTimeout is " + millis(timeout) + (timeout == 30_000 ? " (HikariCP's default)"
                            : "") + ". When the database is unreachable a request should fail within seconds, not "
                            + "queue for half a minute: set 1 to 10 s (the README says 5 s).");
                }
                long lifetime = pool.maxLifetime();
                if (lifetime < 60_000 || lifetime > 29 * 60_000) {
                    problems.add("maxLifetime is " + millis(lifetime) + (lifetime == 1_800_000 ? " (HikariCP's default)"
                            : "") + ". The platform closes connections after 30 minutes, so the pool must retire them "
                            + "earlier: at least 1 min, at most 29 min (the README says 25 min).");
                }
                if (pool.jdbcUrl() != null && pool.jdbcUrl().contains(t.password())) {
                    problems.add("The pool's JDBC URL holds the password. Keep it in the properties (or setPassword): "
                            + "URLs end up in logs and error messages.");
                }
            }
            Map<String, String> unsized = env("DATABASE_URL", url);
            BuildPool.Settings unsizedPool = build(student, WRITER, unsized);
            if (unsizedPool.maximumPoolSize() != DEFAULT_POOL_SIZE) {
                problems.add("Without DB_POOL_SIZE the pool's maximumPoolSize is " + unsizedPool.maximumPoolSize()
                        + ", expected the default " + DEFAULT_POOL_SIZE + ".");
            }
            for (String bad : List.of("lots", "0")) {
                Outcome<BuildPool.Settings> pool = student.dataSource(WRITER, env("DATABASE_URL", url, "DB_POOL_SIZE", bad));
                if (!pool.threw()) {
                    problems.add("DB_POOL_SIZE=" + bad + " was accepted (maximumPoolSize " + pool.value().maximumPoolSize()
                            + "). A setting that makes no sense must stop the application at start-up: throw an "
                            + "IllegalArgumentException that names DB_POOL_SIZE.");
                } else if (!(pool.thrown().is(IllegalArgumentException.class)
                        || pool.thrown().is(IllegalStateException.class))
                        || !String.valueOf(pool.thrown().message()).contains("DB_POOL_SIZE")) {
                    problems.add("DB_POOL_SIZE=" + bad + " made the factory throw " + describe(pool.thrown())
                            + ". Throw an IllegalArgumentException whose message names DB_POOL_SIZE.");
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionFailedError("The pool built from the environment is not set up as the lab asks:\n- "
                        + String.join("\n- ", problems));
            }
        });
    }

    @Check(id = "02-pool-local-server", points = 2,
            hint = "Everything comes from DATABASE_URL: pass the parsed properties (sslmode=disable here, "
                    + "ApplicationName) to HikariCP, e.g. config.setDataSourceProperties(settings.properties()). "
                    + "Without application_name, set ApplicationName to blog-api.")
    @DisplayName("02 connects to the local PostgreSQL with the user, database, sslmode and application name of DATABASE_URL")
    void e08_localServer(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) throws Exception {
        ConnectionTarget t = jvm.database(db.studentTarget());
        Secrecy.guard(Set.of(t.password()), () -> {
            StudentDb student = new StudentDb(jvm, code);
            long posts = postsAsAdmin(db);
            Map<String, String> withName = new LinkedHashMap<>(localParameters(t));
            withName.put("application_name", APP_NAME);
            Map<String, String> env = env("DATABASE_URL", libpq(t, t.host(), withName));
            Session session = mustConnect(student, WRITER, env, "the local PostgreSQL (no TLS)");
            List<String> problems = new ArrayList<>(session.differences(db.name(), t.user(), posts));
            if (!APP_NAME.equals(session.applicationName())) {
                problems.add("application_name is '" + session.applicationName() + "', but DATABASE_URL says "
                        + "application_name=" + APP_NAME + ": pass it to the driver as the ApplicationName property.");
            }
            Map<String, String> plain = env("DATABASE_URL", libpq(t, t.host(), localParameters(t)));
            Session unnamed = mustConnect(student, WRITER, plain, "the local PostgreSQL (no TLS)");
            if (!DEFAULT_APP_NAME.equals(unnamed.applicationName())) {
                problems.add("Without application_name in DATABASE_URL, the session's application_name is '"
                        + unnamed.applicationName() + "'; the lab asks for " + DEFAULT_APP_NAME + ", so that the DBA "
                        + "sees in pg_stat_activity which application holds the connections.");
            }
            if (!problems.isEmpty()) {
                throw new AssertionFailedError("Your pool connected with\n" + show(env) + "\nbut:\n- "
                        + String.join("\n- ", problems));
            }
        });
    }

    @Check(id = "02-pool-missing-url",
            hint = "Without DATABASE_URL the application cannot start: fail at once, with a message that says which "
                    + "variable is missing and what to do, and without the password.")
    @DisplayName("02 stops with a clear message when DATABASE_URL is missing or malformed, without showing the password")
    void e09_missingUrl(CompiledSubmission code, StudentJvm jvm) {
        StudentDb student = new StudentDb(jvm, code);
        List<String> problems = new ArrayList<>();
        for (Map<String, String> env : List.of(Map.<String, String>of(), env("DATABASE_URL", "  "))) {
            String shown = env.isEmpty() ? "an environment without DATABASE_URL" : "DATABASE_URL set to blanks";
            Outcome<BuildPool.Settings> pool = student.dataSource(WRITER, env);
            if (!pool.threw()) {
                problems.add("With " + shown + " your factory returned a pool. It must throw.");
            } else if (!(pool.thrown().is(IllegalStateException.class) || pool.thrown().is(IllegalArgumentException.class))
                    || !String.valueOf(pool.thrown().message()).contains("DATABASE_URL")) {
                problems.add("With " + shown + " your factory threw " + describe(pool.thrown()) + ". Throw an "
                        + "IllegalStateException (or IllegalArgumentException) whose message names DATABASE_URL.");
            }
        }
        String malformed = "postgresql://app:" + fakeSecret + "@db.example.com:5432/blog?sslmode=verify_full";
        Outcome<BuildPool.Settings> pool = student.dataSource(WRITER, env("DATABASE_URL", malformed));
        if (!pool.threw()) {
            problems.add("DATABASE_URL=" + DatabaseUrl.redact(malformed) + " (sslmode verify_full does not exist) gave "
                    + "a pool. It must throw, as DatabaseUrl.parse does.");
        } else if (Secrecy.contains(String.valueOf(pool.thrown().message()), Set.of(fakeSecret))) {
            problems.add("DATABASE_URL=" + DatabaseUrl.redact(malformed) + " made your factory throw an exception whose "
                    + "message holds the password: " + Secrecy.scrub(describe(pool.thrown()), Set.of(fakeSecret))
                    + ". Error messages end up in logs: name the problem, never the URL.");
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(String.join("\n", problems));
        }
    }

    @Check(id = "02-pool-no-secrets",
            hint = "No password in the code: it comes from DATABASE_URL (in production, from a secret store through "
                    + "the environment). And never print DATABASE_URL or the properties: JdbcSettings.toString() masks "
                    + "the password, a string you build yourself does not.")
    @DisplayName("02 takes the password from the environment only: none in the code, none printed")
    void e10_noSecrets(CompiledSubmission code, StudentJvm jvm, LabFiles files, CheckDatabase db) throws Exception {
        ConnectionTarget t = jvm.database(db.studentTarget());
        Set<String> secrets = Set.of(t.password(), fakeSecret);
        Secrecy.guard(secrets, () -> {
            StudentDb student = new StudentDb(jvm, code);
            List<String> problems = new ArrayList<>();
            List<SecretScan.Finding> findings = SecretScan.scan(files);
            if (!findings.isEmpty()) {
                problems.add("Your code holds what looks like a secret (strings masked here):\n    "
                        + String.join("\n    ", findings.stream().map(Object::toString).toList())
                        + "\n  A password in the code is in every copy of the repository and in its history forever.");
            }
            Map<String, String> env = env("DATABASE_URL", libpq(t, t.host(), localParameters(t)));
            // What the student's code prints goes nowhere in the worker; the task records it while the pool is built.
            BuildPool.Built built = student.dataSourcePrinting(WRITER, env);
            if (built.thrown() != null) {
                throw new AssertionFailedError("DataSourceFactory." + WRITER + " failed with\n" + show(env) + "\n  "
                        + ConnectionProblems.explain(built.thrown()));
            }
            String password = built.settings().password();
            if (!t.password().equals(password)) {
                problems.add("The pool's password is " + (password == null ? "not set" : "not the one in "
                        + "DATABASE_URL") + ". Take it from DATABASE_URL (DatabaseUrl.parse puts it in the "
                        + "properties).");
            }
            String malformed = "postgresql://app:" + fakeSecret + "@db.example.com:5432/blog?sslmode=verify_full";
            BuildPool.Built broken = student.dataSourcePrinting(WRITER, env("DATABASE_URL", malformed));
            List<String> printed = Secrecy.linesWith(built.printed() + "\n" + broken.printed(), secrets);
            if (!printed.isEmpty()) {
                problems.add("While building the pool your code printed the password (masked here):\n    "
                        + String.join("\n    ", printed) + "\n  Whatever goes to the console ends up in log files that "
                        + "many people read. Print the host and database if you like, never the URL or the password.");
            }
            if (!problems.isEmpty()) {
                throw new AssertionFailedError(String.join("\n", problems));
            }
        });
    }

    // ---- exercise 3: the RDS-like server ---------------------------------------------------------------------

    @Check(id = "03-rds-verify-full", points = 2,
            hint = "The grader only changes the environment: DATABASE_URL now says sslmode=verify-full and "
                    + "sslrootcert=<the course CA>. If those reach the driver as properties, the same code connects.")
    @DisplayName("03 the same code connects to the RDS-like server (TLS verify-full, SCRAM password) when only the environment changes")
    void e11_rdsVerifyFull(CompiledSubmission code, StudentJvm jvm, GradingSession session, Lab lab) throws Exception {
        RdsLikeServer rds = session.service(RdsLikeService.class).server();
        try (CheckDatabase db = rds.create(session.course().dataset(lab, "default"))) {
            ConnectionTarget t = db.studentTarget();
            Secrecy.guard(Set.of(t.password()), () -> {
                requirePlainRefused(rds, t);
                StudentDb student = new StudentDb(jvm, code);
                ConnectionTarget in = inside(jvm, rds, t);
                Map<String, String> env = env("DATABASE_URL", libpq(in, rds.host(),
                        tls("verify-full", jvm.shareFile(rds.caCertificate()))));
                Session s = mustConnect(student, WRITER, env, "the RDS-like server");
                List<String> problems = new ArrayList<>(s.differences(db.name(), t.user(), postsAsAdmin(db)));
                if (!s.ssl()) {
                    problems.add("pg_stat_ssl says this connection does not use TLS.");
                }
                if (!problems.isEmpty()) {
                    throw new AssertionFailedError("Your pool connected to the RDS-like server with\n" + show(env)
                            + "\nbut:\n- " + String.join("\n- ", problems));
                }
            });
        }
    }

    @Check(id = "03-rds-wrong-server", points = 2,
            hint = "Only verify-full checks both the CA and the host name; require and prefer check neither (they "
                    + "encrypt, but an impostor can answer), verify-ca skips the name. Don't override sslmode in the code.")
    @DisplayName("03 refuses a server whose certificate is signed by another CA, or issued for another host name")
    void e12_rdsWrongServer(CompiledSubmission code, StudentJvm jvm, GradingSession session, Lab lab) throws Exception {
        RdsLikeServer rds = session.service(RdsLikeService.class).server();
        try (CheckDatabase db = rds.create(session.course().dataset(lab, "default"))) {
            ConnectionTarget t = db.studentTarget();
            Secrecy.guard(Set.of(t.password()), () -> {
                StudentDb student = new StudentDb(jvm, code);
                ConnectionTarget in = inside(jvm, rds, t);
                String ca = jvm.shareFile(rds.caCertificate());
                Map<String, String> right = env("DATABASE_URL", libpq(in, rds.host(), tls("verify-full", ca)));
                Map<String, String> otherCa = env("DATABASE_URL", libpq(in, rds.host(),
                        tls("verify-full", jvm.shareFile(rds.untrustedCaCertificate()))));
                Map<String, String> otherName = env("DATABASE_URL", libpq(in, "127.0.0.1", tls("verify-full", ca)));
                // Refusals take HikariCP a second each: they run side by side, and next to the right connection.
                var caAttempt = attempt(() -> connects(student, WRITER, otherCa));
                var nameAttempt = attempt(() -> connects(student, WRITER, otherName));
                mustConnect(student, WRITER, right, "the RDS-like server (with the right CA and host name)");
                List<Boolean> connected = List.of(result(caAttempt), result(nameAttempt));
                List<String> problems = new ArrayList<>();
                if (connected.get(0)) {
                    problems.add("With sslrootcert naming a CA that did not sign the server's certificate, your pool "
                            + "still connected:\n" + show(otherCa) + "\n  So it does not verify the certificate: an "
                            + "impostor with any certificate would get your password. Look for sslmode require/prefer "
                            + "or a NonValidatingFactory in your code.");
                }
                if (connected.get(1)) {
                    problems.add("With host 127.0.0.1 (the certificate is issued for localhost only), your pool still "
                            + "connected:\n" + show(otherName) + "\n  So it does not check the host name: that is "
                            + "verify-ca (or weaker) instead of the verify-full that DATABASE_URL asks for.");
                }
                if (!problems.isEmpty()) {
                    throw new AssertionFailedError("Your pool connects to the right server, but also to servers it must "
                            + "refuse:\n- " + String.join("\n- ", problems));
                }
            });
        }
    }

    @Check(id = "03-rds-secure-default",
            hint = "When DATABASE_URL has no sslmode, set sslmode=verify-full yourself (pgJDBC's default, prefer, "
                    + "accepts any certificate); when it has no sslrootcert, use PGSSLROOTCERT from the environment.")
    @DisplayName("03 uses verify-full with the CA from PGSSLROOTCERT when DATABASE_URL names no sslmode")
    void e13_rdsSecureDefault(CompiledSubmission code, StudentJvm jvm, GradingSession session, Lab lab) throws Exception {
        RdsLikeServer rds = session.service(RdsLikeService.class).server();
        try (CheckDatabase db = rds.create(session.course().dataset(lab, "default"))) {
            ConnectionTarget t = db.studentTarget();
            Secrecy.guard(Set.of(t.password()), () -> {
                StudentDb student = new StudentDb(jvm, code);
                String bare = libpq(inside(jvm, rds, t), rds.host(), Map.of());
                Map<String, String> env = env("DATABASE_URL", bare, "PGSSLROOTCERT", jvm.shareFile(rds.caCertificate()));
                Map<String, String> wrong = env("DATABASE_URL", bare, "PGSSLROOTCERT",
                        jvm.shareFile(rds.untrustedCaCertificate()));
                var wrongAttempt = attempt(() -> connects(student, WRITER, wrong));  // meanwhile, the right one
                Session s = mustConnect(student, WRITER, env, "the RDS-like server");
                if (!s.ssl()) {
                    throw new AssertionFailedError("Your pool connected without TLS with\n" + show(env));
                }
                if (result(wrongAttempt)) {
                    throw new AssertionFailedError("DATABASE_URL names no sslmode, and PGSSLROOTCERT names a CA that "
                            + "did not sign the server's certificate, yet your pool connected:\n" + show(wrong)
                            + "\nSo without an sslmode in the URL it does not verify the server. pgJDBC's default is "
                            + "prefer (encrypt if possible, verify nothing): default to verify-full yourself.");
                }
            });
        }
    }

    // ---- exercise 4: reader endpoint ----------------------------------------------------------------------

    @Check(id = "04-reader-endpoint", points = 2,
            hint = "readerFromEnvironment: DATABASE_READER_URL when it is set, else DATABASE_URL; the same settings as "
                    + "the writer, plus config.setReadOnly(true). The writer pool stays read-write.")
    @DisplayName("04 opens read-only connections on the reader endpoint (DATABASE_READER_URL, else DATABASE_URL)")
    void e14_readerEndpoint(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, GradingSession session, Lab lab)
            throws Exception {
        try (CheckDatabase replica = session.newDatabase(lab, "default")) {
            ConnectionTarget w = jvm.database(db.studentTarget());
            ConnectionTarget r = jvm.database(replica.studentTarget());
            Secrecy.guard(Set.of(w.password(), r.password()), () -> {
                StudentDb student = new StudentDb(jvm, code);
                long posts = postsAsAdmin(db);
                String writerUrl = libpq(w, w.host(), localParameters(w));
                String readerUrl = libpq(r, r.host(), localParameters(r));
                List<String> problems = new ArrayList<>();

                Map<String, String> both = env("DATABASE_URL", writerUrl, "DATABASE_READER_URL", readerUrl);
                Session reader = mustConnect(student, READER, both, "the reader endpoint");
                problems.addAll(reader.differences(replica.name(), r.user(), posts).stream()
                        .map(p -> "readerFromEnvironment with DATABASE_READER_URL set: " + p).toList());
                if (!reader.readOnly()) {
                    problems.add("Connections of the reader pool are not read-only (Connection.isReadOnly() is false): "
                            + "call config.setReadOnly(true).");
                }
                Session writer = mustConnect(student, WRITER, both, "the writer endpoint");
                problems.addAll(writer.differences(db.name(), w.user(), posts).stream()
                        .map(p -> "fromEnvironment with DATABASE_READER_URL set: " + p).toList());
                if (writer.readOnly()) {
                    problems.add("Connections of the writer pool (fromEnvironment) are read-only: only the reader "
                            + "pool is.");
                }
                Map<String, String> writerOnly = env("DATABASE_URL", writerUrl);
                Session fallback = mustConnect(student, READER, writerOnly, "the writer (no reader endpoint set)");
                problems.addAll(fallback.differences(db.name(), w.user(), posts).stream()
                        .map(p -> "readerFromEnvironment without DATABASE_READER_URL (it must use DATABASE_URL): " + p)
                        .toList());
                if (!fallback.readOnly()) {
                    problems.add("Without DATABASE_READER_URL the reader pool uses the writer, but it must still be "
                            + "read-only.");
                }
                if (!problems.isEmpty()) {
                    throw new AssertionFailedError("The writer is " + db.name() + ", the reader endpoint "
                            + replica.name() + ":\n- " + String.join("\n- ", problems));
                }
            });
        }
    }

    // ---- exercise 5: IAM authentication --------------------------------------------------------------------

    private static final List<IamTokens.Endpoint> IAM_ENDPOINTS = List.of(
            new IamTokens.Endpoint("blog.abc123xyz.eu-west-1.rds.amazonaws.com", 5432, "app", "eu-west-1"),
            new IamTokens.Endpoint("blog-reports.cluster-ro-q1w2e3.us-east-1.rds.amazonaws.com", 6543, "report_reader",
                    "us-east-1"));

    @Check(id = "05-iam-token", points = 2,
            hint = "The AWS SDK's RDS utilities make the token (README section 5). Everything it signs comes from "
                    + "the parameters: host, port, user, region and the credentials given, not constants.")
    @DisplayName("05 makes an IAM authentication token for the user, endpoint and region, signed with the credentials given")
    void e15_iamToken(CompiledSubmission code, StudentJvm jvm) {
        StudentDb student = new StudentDb(jvm, code);
        List<String> problems = new ArrayList<>();
        for (IamTokens.Endpoint endpoint : IAM_ENDPOINTS) {
            String token = student.token(endpoint);
            List<String> wrong = IamTokens.problems(token, endpoint, Instant.now());
            if (!wrong.isEmpty()) {
                problems.add("The token for " + endpoint + ":\n    " + String.join("\n    ", wrong));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("IamAuthentication.token made tokens RDS would reject (test credentials "
                    + IamTokens.ACCESS_KEY + ", AWS's documented example):\n" + String.join("\n", problems));
        }
    }

    @Check(id = "05-iam-refresh", points = 2,
            hint = "A token lives 15 minutes: keep the last one and when it was made, and make a new one once it is "
                    + "older than the refresh time. Read the time from the clock parameter only.")
    @DisplayName("05 hands the pool a fresh token before the old one expires (never one older than 10 minutes)")
    void e16_iamRefresh(CompiledSubmission code, StudentJvm jvm) {
        StudentDb student = new StudentDb(jvm, code);
        IamTokens.Endpoint endpoint = IAM_ENDPOINTS.get(0);
        Instant start = Instant.parse("2025-06-01T12:00:00Z");
        List<String> problems = new ArrayList<>();
        for (IamRefresh.Step given : student.refresh(endpoint, start, List.of(0, 3, 11, 14, 26))) {
            int minutes = given.minute();
            Instant now = start.plus(Duration.ofMinutes(minutes));
            String when = "At 12:" + String.format(Locale.ROOT, "%02d", minutes) + " (by the clock given)";
            if (!endpoint.user().equals(given.username())) {
                problems.add(when + " the user name is " + given.username() + ", expected " + endpoint.user() + ".");
            }
            String password = given.password();
            if (password == null || !password.startsWith(endpoint.host() + ":" + endpoint.port() + "/?")
                    || !password.contains("DBUser=" + endpoint.user())) {
                problems.add(when + " the password is not an IAM token for " + endpoint + ".");
            }
            Instant made = given.lastSigned();
            if (made == null) {
                problems.add(when + " no token had been signed with the credentials given to credentialsProvider.");
                break;
            }
            Duration age = Duration.between(made, now);
            if (age.compareTo(Duration.ofMinutes(10)) >= 0) {
                problems.add(when + " the pool got a token made at 12:" + String.format(Locale.ROOT, "%02d",
                        Duration.between(start, made).toMinutes()) + ", " + age.toMinutes() + " minutes old. "
                        + "Tokens expire after 15 minutes, and a connection opened with an expired one is refused: "
                        + "make a new token once the last is 10 minutes old.");
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("The grader asked your provider for credentials at 12:00, 12:03, 12:11, 12:14 "
                    + "and 12:26, as a pool does for each new connection:\n- " + String.join("\n- ", problems));
        }
    }

    // ---- exercise 1 helpers ------------------------------------------------------------------------------

    private void assertValid(StudentDb student, List<UrlCases.Valid> cases) {
        failIf(validProblems(student, cases), cases.size());
    }

    private void assertMalformed(StudentDb student, List<UrlCases.Malformed> cases) {
        failIf(malformedProblems(student, cases), cases.size());
    }

    void failIf(List<String> problems, int total) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("DatabaseUrl.parse got " + problems.size() + " of " + total
                + " URLs wrong (the passwords are made up for the test):");
        problems.stream().limit(SHOWN).forEach(p -> out.append("\n\n").append(p));
        if (problems.size() > SHOWN) {
            out.append("\n\n… and ").append(problems.size() - SHOWN).append(" more.");
        }
        throw new AssertionFailedError(out.toString());
    }

    List<String> validProblems(StudentDb student, List<UrlCases.Valid> cases) {
        List<String> problems = new ArrayList<>();
        for (UrlCases.Valid c : cases) {
            Outcome<Settings> got = student.parse(c.url());
            String expected = c.jdbcUrl() + "  " + c.properties();
            if (got.threw()) {
                problems.add(block(c.url(), expected, "threw " + describe(got.thrown())));
                continue;
            }
            Settings s = got.value();
            if (!c.jdbcUrl().equals(s.jdbcUrl()) || !c.properties().equals(s.properties())) {
                String note = "";
                String password = c.properties().get("password");
                if (password != null && s.jdbcUrl() != null && s.jdbcUrl().contains(password)) {
                    note = "\n  note        the JDBC URL holds the password: keep it in the properties only.";
                } else if (!c.jdbcUrl().equals(s.jdbcUrl())) {
                    note = "\n  note        the JDBC URL differs.";
                } else {
                    note = "\n  note        the properties differ.";
                }
                problems.add(block(c.url(), expected, s.jdbcUrl() + "  " + s.properties()) + note);
            }
        }
        return problems;
    }

    List<String> malformedProblems(StudentDb student, List<UrlCases.Malformed> cases) {
        List<String> problems = new ArrayList<>();
        for (UrlCases.Malformed c : cases) {
            Outcome<Settings> got = student.parse(c.url());
            Set<String> secrets = new java.util.HashSet<>(List.of(c.secret(), decodedOrSame(c.secret())));
            String url = c.url() == null ? "null" : c.url().isEmpty() ? "\"\" (empty)" : c.url();
            String head = "DATABASE_URL  " + url + "\n  problem     " + c.problem();
            if (!got.threw()) {
                problems.add(head + "\n  yours       returned " + got.value().jdbcUrl() + "  "
                        + Secrecy.scrub(got.value().properties().toString(), secrets)
                        + "\n  expected    an IllegalArgumentException");
                continue;
            }
            Thrown t = got.thrown();
            String message = String.valueOf(t.message());
            if (!t.is(IllegalArgumentException.class)) {
                problems.add(head + "\n  yours       threw " + Secrecy.scrub(describe(t), secrets)
                        + "\n  expected    an IllegalArgumentException (check the input yourself before it breaks "
                        + "something else)");
            } else if (Secrecy.contains(message, secrets)) {
                problems.add(head + "\n  yours       threw " + Secrecy.scrub(describe(t), secrets)
                        + "\n  expected    a message without the password (it is masked here; your message shows it)");
            } else if (c.words().stream().noneMatch(w -> message.toLowerCase(Locale.ROOT)
                    .contains(w.toLowerCase(Locale.ROOT)))) {
                problems.add(head + "\n  yours       threw " + describe(t)
                        + "\n  expected    a message that names the problem, with one of: " + String.join(", ", c.words()));
            }
        }
        return problems;
    }

    private static String block(String url, String expected, String actual) {
        return "DATABASE_URL  " + url + "\n  expected    " + expected + "\n  yours       " + actual;
    }

    private static String decodedOrSame(String secret) {
        try {
            return java.net.URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return secret;
        }
    }

    // ---- pools and sessions --------------------------------------------------------------------------------

    /** What the grader sees in a session opened by the student's pool. */
    record Session(String database, String user, boolean ssl, String applicationName, long posts, boolean readOnly) {
        List<String> differences(String expectedDatabase, String expectedUser, long expectedPosts) {
            List<String> problems = new ArrayList<>();
            if (!expectedDatabase.equals(database)) {
                problems.add("the session is on database " + database + ", but DATABASE_URL names " + expectedDatabase
                        + " (take every setting from the env parameter, not from System.getenv or constants)");
            }
            if (!expectedUser.equals(user)) {
                problems.add("the session's user is " + user + ", but DATABASE_URL names " + expectedUser);
            }
            if (expectedDatabase.equals(database) && posts != expectedPosts) {
                problems.add("SELECT count(*) FROM posts gave " + posts + ", expected " + expectedPosts);
            }
            return problems;
        }
    }

    /** The pool's settings for this environment, or the check fails with the explained exception. */
    private BuildPool.Settings build(StudentDb student, String method, Map<String, String> env) {
        Outcome<BuildPool.Settings> pool = student.dataSource(method, env);
        if (pool.threw()) {
            throw new AssertionFailedError("DataSourceFactory." + method + " failed with\n" + show(env) + "\n  "
                    + ConnectionProblems.explain(pool.thrown()));
        }
        return pool.value();
    }

    /** Builds the pool, takes one connection, looks at its session; the pool is closed afterwards. */
    private Session mustConnect(StudentDb student, String method, Map<String, String> env, String where) {
        Outcome<Session> s = open(student, method, env);
        if (s.threw()) {
            throw new AssertionFailedError("DataSourceFactory." + method + " could not connect to " + where + " with\n"
                    + show(env) + "\n  " + ConnectionProblems.explain(s.thrown()));
        }
        return s.value();
    }

    private boolean connects(StudentDb student, String method, Map<String, String> env) {
        return !open(student, method, env).threw();
    }

    /**
     * Runs an attempt on a thread of its own. A pool that cannot connect gives up after a second (HikariCP sleeps
     * that long after a failed first try), so the attempts that must fail run side by side.
     */
    private static CompletableFuture<Boolean> attempt(Supplier<Boolean> body) {
        return CompletableFuture.supplyAsync(body, runnable -> {
            Thread thread = new Thread(runnable, "pglabs-lab10-attempt");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static boolean result(CompletableFuture<Boolean> attempt) {
        try {
            return attempt.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Outcome<Session> open(StudentDb student, String method, Map<String, String> env) {
        Outcome<BuildPool.Session> s = student.session(method, env);
        if (s.threw()) {
            return new Outcome<>(null, s.thrown());
        }
        BuildPool.Session v = s.value();
        return new Outcome<>(new Session(v.database(), v.user(), v.ssl(), v.applicationName(), v.posts(), v.readOnly()),
                null);
    }

    private static long count(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM posts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long postsAsAdmin(CheckDatabase db) {
        try (Statement st = db.openAdmin().createStatement()) {
            return count(st);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed: " + e.getMessage(), e);
        }
    }

    /** The RDS-like server must refuse this role without TLS; if not, the grader would grade nothing. */
    private static void requirePlainRefused(RdsLikeServer rds, ConnectionTarget t) {
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

    // ---- environments --------------------------------------------------------------------------------------

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** TLS settings as DATABASE_URL query parameters. */
    private static Map<String, String> tls(String sslmode, String rootCert) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sslmode", sslmode);
        params.put("sslrootcert", rootCert);
        return params;
    }

    /** The course server is usually a plain local one (sslmode=disable); keep its TLS settings if it has any. */
    private static Map<String, String> localParameters(ConnectionTarget t) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sslmode", t.parameters().getOrDefault("sslmode", "disable"));
        if (t.parameters().containsKey("sslrootcert")) {
            params.put("sslrootcert", t.parameters().get("sslrootcert"));
        }
        return params;
    }

    /** A DATABASE_URL for this role and database. */
    private static String libpq(ConnectionTarget t, String host, Map<String, String> params) {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder url = new StringBuilder("postgresql://").append(encode(t.user())).append(':')
                .append(encode(t.password())).append('@').append(hostPart).append(':').append(t.port()).append('/')
                .append(encode(t.database()));
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(p.getKey()).append('=').append(encode(p.getValue()));
            sep = "&";
        }
        return url.toString();
    }

    /** Percent-encodes all but unreserved characters and '/' (paths of CA files stay readable). */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The environment as the student would set it, passwords masked. */
    private static String show(Map<String, String> env) {
        if (env.isEmpty()) {
            return "  (no variables)";
        }
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> out.append(out.length() == 0 ? "" : "\n").append("  ").append(k).append('=')
                .append(k.endsWith("_URL") ? DatabaseUrl.redact(v) : v));
        return out.toString();
    }

    private static String describe(Thrown t) {
        String message = t.message() == null ? "" : ": " + t.message().strip().lines().findFirst().orElse("");
        return t.simpleType() + message;
    }

    /** The RDS-like server's role as the worker reaches it: same role and database, the port of the sandbox's relay. */
    private static ConnectionTarget inside(StudentJvm jvm, RdsLikeServer rds, ConnectionTarget t) {
        return new ConnectionTarget(rds.host(), jvm.route(rds.host(), rds.port()), t.database(), t.user(),
                t.password(), t.parameters());
    }

    private static String millis(long ms) {
        return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
