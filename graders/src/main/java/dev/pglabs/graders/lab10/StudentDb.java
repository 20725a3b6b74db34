package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.graders.lab10.sandboxed.IamRefresh;
import dev.pglabs.graders.lab10.sandboxed.IamToken;
import dev.pglabs.graders.lab10.sandboxed.ParseUrl;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.Thrown;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The submission's {@code app.db} classes, called the way the lab's README states their signatures, in the
 * submission's worker ({@link StudentJvm}): the lab's code depends on nothing of the course, so the tasks find the
 * methods by reflection there. Exceptions the exercise asks for come back as values ({@link Outcome}); a starter's
 * TODO ends the check as not implemented yet.
 */
final class StudentDb {

    /**
     * Parsing is string work; the limit also covers a fresh worker loading the classes (a static initialiser is
     * student code), which takes seconds on a busy machine.
     */
    static final Duration PARSE_LIMIT = Duration.ofSeconds(15);
    /** Building a pool connects once (HikariCP fails fast); TLS and SCRAM take a few milliseconds here. */
    static final Duration POOL_LIMIT = Duration.ofSeconds(40);
    /** The first token loads and starts the AWS SDK's signer: most of a second on a busy machine. */
    static final Duration IAM_LIMIT = Duration.ofSeconds(20);

    /** What {@code DatabaseUrl.parse} returned: the JDBC URL and the properties as sorted text. */
    record Settings(String jdbcUrl, Map<String, String> properties) {
    }

    /** A value, or the exception the student's code threw. */
    record Outcome<T>(T value, Thrown thrown) {
        boolean threw() {
            return thrown != null;
        }
    }

    private final StudentJvm jvm;
    private final CodeRef code;

    StudentDb(StudentJvm jvm, CompiledSubmission code) {
        this.jvm = jvm;
        this.code = jvm.code(code);
    }

    StudentJvm jvm() {
        return jvm;
    }

    Outcome<Settings> parse(String databaseUrl) {
        ParseUrl.Parsed parsed = jvm.call(new ParseUrl(code, databaseUrl), PARSE_LIMIT, "DatabaseUrl.parse");
        return parsed.thrown() != null ? new Outcome<>(null, parsed.thrown())
                : new Outcome<>(new Settings(parsed.jdbcUrl(), parsed.properties()), null);
    }

    /** {@code DataSourceFactory.<method>(env)}: the pool's settings, or what it threw. */
    Outcome<BuildPool.Settings> dataSource(String method, Map<String, String> env) {
        BuildPool.Built built = build(method, env, false, false);
        return new Outcome<>(built.settings(), built.thrown());
    }

    /** As {@link #dataSource}, with what the student's code printed meanwhile. */
    BuildPool.Built dataSourcePrinting(String method, Map<String, String> env) {
        return build(method, env, false, true);
    }

    /** Builds the pool, takes one connection and reads its session; the pool is closed afterwards. */
    Outcome<BuildPool.Session> session(String method, Map<String, String> env) {
        BuildPool.Built built = build(method, env, true, false);
        Thrown thrown = built.thrown() != null ? built.thrown() : built.connectThrown();
        return new Outcome<>(built.session(), thrown);
    }

    private BuildPool.Built build(String method, Map<String, String> env, boolean connect, boolean print) {
        return jvm.call(new BuildPool(code, method, new HashMap<>(env), connect, print), POOL_LIMIT,
                "DataSourceFactory." + method);
    }

    /** {@code IamAuthentication.token(host, port, user, region, credentials)} with the test credentials. */
    String token(IamTokens.Endpoint e) {
        return jvm.call(new IamToken(code, e.host(), e.port(), e.user(), e.region()), IAM_LIMIT,
                "IamAuthentication.token");
    }

    /** The credentials the student's provider gives at each of {@code minutes} after {@code start}. */
    List<IamRefresh.Step> refresh(IamTokens.Endpoint e, Instant start, List<Integer> minutes) {
        return new ArrayList<>(jvm.call(new IamRefresh(code, e.host(), e.port(), e.user(), e.region(), start,
                new ArrayList<>(minutes)), IAM_LIMIT, "IamAuthentication.credentialsProvider"));
    }

    static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
