package dev.pglabs.graders.lab10;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.lab10.sandboxed.IamRefresh;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.Problems;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.RdsLikeServer;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import static dev.pglabs.graders.lab10.Environments.env;
import static dev.pglabs.graders.lab10.Environments.inside;
import static dev.pglabs.graders.lab10.Environments.libpq;
import static dev.pglabs.graders.lab10.Environments.localParameters;
import static dev.pglabs.graders.lab10.Environments.localUrl;
import static dev.pglabs.graders.lab10.Environments.show;
import static dev.pglabs.graders.lab10.Environments.tls;
import static dev.pglabs.graders.lab10.Pools.WRITER;
import static dev.pglabs.graders.lab10.Pools.attempt;
import static dev.pglabs.graders.lab10.Pools.connects;
import static dev.pglabs.graders.lab10.Pools.mustConnect;
import static dev.pglabs.graders.lab10.Pools.postsAsAdmin;
import static dev.pglabs.graders.lab10.Pools.result;

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

    private static final String APP_NAME = "pglabs-lab10";
    private static final String DEFAULT_APP_NAME = "blog-api";

    /** A password written into test URLs; new for every check, so output of another submission never matches it. */
    private final String fakeSecret = "Sup3r-S3cret-"
            + HexFormat.of().toHexDigits((short) new SecureRandom().nextInt());

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
    void e01a_simple(CompiledSubmission code, StudentJvm jvm) {
        UrlVerdicts.assertValid(new StudentDb(jvm, code), UrlCases.SIMPLE);
    }

    @Check(id = "01-parse-encoded",
            hint = "Decode %XX after splitting (the '@' of p%40ss is part of the password, not a separator). Don't use "
                    + "URLDecoder: it is for HTML forms and turns '+' into a space. Decode bytes, then read them as UTF-8.")
    @DisplayName("01 percent-decodes user and password (p%40ss is p@ss)")
    void e01b_encoded(CompiledSubmission code, StudentJvm jvm) {
        UrlVerdicts.assertValid(new StudentDb(jvm, code), UrlCases.ENCODED);
    }

    @Check(id = "01-parse-hosts", points = 2,
            hint = "Split the hosts at ','. A host in [brackets] is IPv6: its port comes after the ']', and the "
                    + "brackets stay in the JDBC URL. A host without a port gets 5432.")
    @DisplayName("01 handles the default port 5432, IPv6 hosts in brackets and several hosts")
    void e01c_hosts(CompiledSubmission code, StudentJvm jvm) {
        UrlVerdicts.assertValid(new StudentDb(jvm, code), UrlCases.HOSTS);
    }

    @Check(id = "01-parse-parameters",
            hint = "The URL's query parameters have names of their own; pgJDBC's properties are not always spelled "
                    + "the same (README section 2 has the table). Their values are percent-encoded.")
    @DisplayName("01 turns sslmode, sslrootcert, application_name and connect_timeout into driver properties")
    void e01d_parameters(CompiledSubmission code, StudentJvm jvm) {
        UrlVerdicts.assertValid(new StudentDb(jvm, code), UrlCases.PARAMETERS);
    }

    @Check(id = "01-parse-errors", points = 2,
            hint = "Validate each part as you cut the URL apart and fail with an IllegalArgumentException that "
                    + "names the part. Never put the whole URL in the message: it holds the password.")
    @DisplayName("01 rejects malformed URLs with an IllegalArgumentException that names the problem, never the password")
    void e01e_errors(CompiledSubmission code, StudentJvm jvm) {
        UrlVerdicts.assertMalformed(new StudentDb(jvm, code), UrlCases.MALFORMED);
    }

    // ---- exercise 2: the pool, from the environment ------------------------------------------------------

    @Check(id = "02-pool-settings", points = 2,
            hint = "config.setMaximumPoolSize(…) from DB_POOL_SIZE (10 when unset; a value that is not 1 to 100 is an "
                    + "IllegalArgumentException naming DB_POOL_SIZE), setConnectionTimeout(5_000), "
                    + "setMaxLifetime(25 minutes in ms): HikariCP's defaults (30 s, 30 min) do not fit.")
    @DisplayName("02 sizes the pool from DB_POOL_SIZE (default 10), with timeouts fit for a managed database")
    void e02a_poolSettings(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) throws Exception {
        ConnectionTarget t = jvm.database(db.studentTarget());
        Secrecy.guard(Set.of(t.password()), () -> PoolSettingsReview.of(new StudentDb(jvm, code), localUrl(t),
                t.password()).failIfAny("The pool built from the environment is not set up as the lab asks:"));
    }

    @Check(id = "02-pool-local-server", points = 2,
            hint = "Everything comes from DATABASE_URL: pass the parsed properties (sslmode=disable here, "
                    + "ApplicationName) to HikariCP, e.g. config.setDataSourceProperties(settings.properties()). "
                    + "Without application_name, set ApplicationName to blog-api.")
    @DisplayName("02 connects to the local PostgreSQL with the user, database, sslmode and application name of DATABASE_URL")
    void e02b_localServer(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) throws Exception {
        ConnectionTarget t = jvm.database(db.studentTarget());
        Secrecy.guard(Set.of(t.password()), () -> {
            StudentDb student = new StudentDb(jvm, code);
            Map<String, String> withName = new LinkedHashMap<>(localParameters(t));
            withName.put("application_name", APP_NAME);
            Map<String, String> env = env("DATABASE_URL", libpq(t, t.host(), withName));
            Pools.Session session = mustConnect(student, WRITER, env, "the local PostgreSQL (no TLS)");
            Problems problems = new Problems().addAll(session.differences(db.name(), t.user(), postsAsAdmin(db)));
            problems.addIf(!APP_NAME.equals(session.applicationName()), "application_name is '"
                    + session.applicationName() + "', but DATABASE_URL says application_name=" + APP_NAME
                    + ": pass it to the driver as the ApplicationName property.");
            Pools.Session unnamed = mustConnect(student, WRITER, env("DATABASE_URL", localUrl(t)),
                    "the local PostgreSQL (no TLS)");
            problems.addIf(!DEFAULT_APP_NAME.equals(unnamed.applicationName()), "Without application_name in "
                    + "DATABASE_URL, the session's application_name is '" + unnamed.applicationName() + "'; the lab "
                    + "asks for " + DEFAULT_APP_NAME + ", so that the DBA sees in pg_stat_activity which application "
                    + "holds the connections.");
            problems.failIfAny("Your pool connected with\n" + show(env) + "\nbut:");
        });
    }

    @Check(id = "02-pool-missing-url",
            hint = "Without DATABASE_URL the application cannot start: fail at once, with a message that says which "
                    + "variable is missing and what to do, and without the password.")
    @DisplayName("02 stops with a clear message when DATABASE_URL is missing or malformed, without showing the password")
    void e02c_missingUrl(CompiledSubmission code, StudentJvm jvm) {
        StartupErrorsReview.of(new StudentDb(jvm, code), malformedUrl(), fakeSecret)
                .failIfAny("Your factory does not stop at start-up as the lab asks:");
    }

    @Check(id = "02-pool-no-secrets", guards = "the database password against being written in the code or printed",
            hint = "No password in the code: it comes from DATABASE_URL (in production, from a secret store through "
                    + "the environment). And never print DATABASE_URL or the properties: JdbcSettings.toString() masks "
                    + "the password, a string you build yourself does not.")
    @DisplayName("02 takes the password from the environment only: none in the code, none printed")
    void e02d_noSecrets(CompiledSubmission code, StudentJvm jvm, LabFiles files, CheckDatabase db) throws Exception {
        ConnectionTarget t = jvm.database(db.studentTarget());
        Set<String> secrets = Set.of(t.password(), fakeSecret);
        Secrecy.guard(secrets, () -> SecretsReview.of(new StudentDb(jvm, code), files, localUrl(t), t.password(),
                malformedUrl(), secrets).failIfAny("The password does not stay secret:"));
    }

    // ---- exercise 3: the RDS-like server ---------------------------------------------------------------------

    @Check(id = "03-rds-verify-full", points = 2,
            hint = "The grader only changes the environment: DATABASE_URL now says sslmode=verify-full and "
                    + "sslrootcert=<the course CA>. If those reach the driver as properties, the same code connects.")
    @DisplayName("03 the same code connects to the RDS-like server (TLS verify-full, SCRAM password) when only the environment changes")
    void e03a_rdsVerifyFull(CompiledSubmission code, StudentJvm jvm, GradingSession session, Lab lab) throws Exception {
        RdsLikeServer rds = session.service(RdsLikeService.class).server();
        try (CheckDatabase db = rds.create(session.course().dataset(lab, "default"))) {
            ConnectionTarget t = db.studentTarget();
            Secrecy.guard(Set.of(t.password()), () -> {
                RdsServerSanity.requirePlainRefused(rds, t);
                StudentDb student = new StudentDb(jvm, code);
                Map<String, String> env = env("DATABASE_URL", libpq(inside(jvm, rds, t), rds.host(),
                        tls("verify-full", jvm.shareFile(rds.caCertificate()))));
                Pools.Session s = mustConnect(student, WRITER, env, "the RDS-like server");
                Problems problems = new Problems().addAll(s.differences(db.name(), t.user(), postsAsAdmin(db)));
                problems.addIf(!s.ssl(), "pg_stat_ssl says this connection does not use TLS.");
                problems.failIfAny("Your pool connected to the RDS-like server with\n" + show(env) + "\nbut:");
            });
        }
    }

    @Check(id = "03-rds-wrong-server", points = 2,
            guards = "the connection against a server that is not the database (TLS verification)",
            hint = "Only verify-full checks both the CA and the host name; require and prefer check neither (they "
                    + "encrypt, but an impostor can answer), verify-ca skips the name. Don't override sslmode in the code.")
    @DisplayName("03 refuses a server whose certificate is signed by another CA, or issued for another host name")
    void e03b_rdsWrongServer(CompiledSubmission code, StudentJvm jvm, GradingSession session, Lab lab) throws Exception {
        RdsLikeServer rds = session.service(RdsLikeService.class).server();
        try (CheckDatabase db = rds.create(session.course().dataset(lab, "default"))) {
            ConnectionTarget t = db.studentTarget();
            Secrecy.guard(Set.of(t.password()), () -> ImpostorReview.of(new StudentDb(jvm, code), jvm, rds, t)
                    .failIfAny("Your pool connects to the right server, but also to servers it must refuse:"));
        }
    }

    @Check(id = "03-rds-secure-default",
            guards = "the connection against TLS without verification when DATABASE_URL names no sslmode",
            hint = "When DATABASE_URL has no sslmode, set sslmode=verify-full yourself (pgJDBC's default, prefer, "
                    + "accepts any certificate); when it has no sslrootcert, use PGSSLROOTCERT from the environment.")
    @DisplayName("03 uses verify-full with the CA from PGSSLROOTCERT when DATABASE_URL names no sslmode")
    void e03c_rdsSecureDefault(CompiledSubmission code, StudentJvm jvm, GradingSession session, Lab lab)
            throws Exception {
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
                Pools.Session s = mustConnect(student, WRITER, env, "the RDS-like server");
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
    void e04_readerEndpoint(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, GradingSession session, Lab lab)
            throws Exception {
        try (CheckDatabase replica = session.newDatabase(lab, "default")) {
            ConnectionTarget w = jvm.database(db.studentTarget());
            ConnectionTarget r = jvm.database(replica.studentTarget());
            Secrecy.guard(Set.of(w.password(), r.password()), () -> ReaderReview.of(new StudentDb(jvm, code),
                            new ReaderReview.Endpoint(db.name(), w.user(), localUrl(w)),
                            new ReaderReview.Endpoint(replica.name(), r.user(), localUrl(r)), postsAsAdmin(db))
                    .failIfAny("The writer is " + db.name() + ", the reader endpoint " + replica.name() + ":"));
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
    void e05a_iamToken(CompiledSubmission code, StudentJvm jvm) {
        StudentDb student = new StudentDb(jvm, code);
        Problems problems = new Problems();
        for (IamTokens.Endpoint endpoint : IAM_ENDPOINTS) {
            List<String> wrong = IamTokens.problems(student.token(endpoint), endpoint, Instant.now());
            problems.addIf(!wrong.isEmpty(), "The token for " + endpoint + ":\n    " + String.join("\n    ", wrong));
        }
        problems.failIfAny("IamAuthentication.token made tokens RDS would reject (test credentials "
                + IamTokens.ACCESS_KEY + ", AWS's documented example):");
    }

    @Check(id = "05-iam-refresh", points = 2,
            hint = "A token lives 15 minutes: keep the last one and when it was made, and make a new one once it is "
                    + "older than the refresh time. Read the time from the clock parameter only.")
    @DisplayName("05 hands the pool a fresh token before the old one expires (never one older than 10 minutes)")
    void e05b_iamRefresh(CompiledSubmission code, StudentJvm jvm) {
        IamTokens.Endpoint endpoint = IAM_ENDPOINTS.get(0);
        List<IamRefresh.Step> steps = new StudentDb(jvm, code).refresh(endpoint, IamRefreshReview.START,
                IamRefreshReview.MINUTES);
        IamRefreshReview.of(steps, endpoint).failIfAny("The grader asked your provider for credentials at 12:00, "
                + "12:03, 12:11, 12:14 and 12:26, as a pool does for each new connection:");
    }

    /** A DATABASE_URL with a bad sslmode and this check's fake password. */
    private String malformedUrl() {
        return "postgresql://app:" + fakeSecret + "@db.example.com:5432/blog?sslmode=verify_full";
    }
}
