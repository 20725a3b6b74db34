package dev.pglabs.graders.lab10;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The submission's {@code app.db} classes, called the way the lab's README states their signatures. The lab's
 * code depends on nothing of the course (students build it with the lab's own pom.xml), so the grader finds the
 * methods by reflection and calls them through {@link JavaCalls}: time-limited, a starter's TODO ends the check
 * as not implemented yet. Exceptions the exercise asks for come back as values ({@link Outcome}).
 */
final class StudentDb {

    static final String URL_CLASS = "app.db.DatabaseUrl";
    static final String FACTORY_CLASS = "app.db.DataSourceFactory";
    static final String IAM_CLASS = "app.db.IamAuthentication";
    /** The first token loads and starts the AWS SDK's signer: most of a second on a busy machine. */
    static final Duration IAM_LIMIT = Duration.ofSeconds(10);
    static final Duration PARSE_LIMIT = Duration.ofSeconds(2);
    /** Building a pool connects once (HikariCP fails fast); TLS and SCRAM take a few milliseconds here. */
    static final Duration POOL_LIMIT = Duration.ofSeconds(20);

    /** What {@code DatabaseUrl.parse} returned: the JDBC URL and the properties as sorted text. */
    record Settings(String jdbcUrl, Map<String, String> properties) {
    }

    /** A value, or the exception the student's code threw. */
    record Outcome<T>(T value, Throwable thrown) {
        boolean threw() {
            return thrown != null;
        }
    }

    private final CompiledSubmission code;

    StudentDb(CompiledSubmission code) {
        this.code = code;
    }

    Outcome<Settings> parse(String databaseUrl) {
        Method parse = method(URL_CLASS, "parse", "public static JdbcSettings parse(String databaseUrl)", String.class);
        return JavaCalls.call(() -> {
            Object result;
            try {
                result = parse.invoke(null, databaseUrl);
            } catch (InvocationTargetException e) {
                return caught(e);
            }
            if (result == null) {
                throw new SubmissionProblem(CheckStatus.FAILED, "DatabaseUrl.parse returned null for "
                        + quote(databaseUrl) + ". Return a JdbcSettings, or throw IllegalArgumentException.");
            }
            return new Outcome<>(settings(result), null);
        }, PARSE_LIMIT, "DatabaseUrl.parse");
    }

    /** {@code DataSourceFactory.<method>(env)}: the pool, or what it threw. */
    Outcome<HikariDataSource> dataSource(String method, Map<String, String> env) {
        Method factory = method(FACTORY_CLASS, method, "public static HikariDataSource " + method
                + "(Map<String, String> env)", Map.class);
        if (!HikariDataSource.class.isAssignableFrom(factory.getReturnType())) {
            throw new SubmissionProblem(CheckStatus.FAILED, "DataSourceFactory." + method + " returns "
                    + factory.getReturnType().getSimpleName() + "; the lab asks for a HikariDataSource (a pool).");
        }
        Map<String, String> copy = new HashMap<>(env);
        return JavaCalls.call(() -> {
            try {
                HikariDataSource pool = (HikariDataSource) factory.invoke(null, copy);
                if (pool == null) {
                    throw new SubmissionProblem(CheckStatus.FAILED, "DataSourceFactory." + method + " returned null.");
                }
                return new Outcome<>(pool, null);
            } catch (InvocationTargetException e) {
                return caught(e);
            }
        }, POOL_LIMIT, "DataSourceFactory." + method);
    }

    /** {@code IamAuthentication.token(host, port, user, region, credentials)}. */
    String token(IamTokens.Endpoint e, AwsCredentialsProvider credentials) {
        Method token = method(IAM_CLASS, "token", "public static String token(String host, int port, String user, "
                + "String region, AwsCredentialsProvider credentials)", String.class, int.class, String.class,
                String.class, AwsCredentialsProvider.class);
        return JavaCalls.call(() -> (String) token.invoke(null, e.host(), e.port(), e.user(), e.region(), credentials),
                IAM_LIMIT, "IamAuthentication.token");
    }

    /** {@code IamAuthentication.credentialsProvider(…)}. */
    HikariCredentialsProvider credentialsProvider(IamTokens.Endpoint e, AwsCredentialsProvider credentials,
                                                  Clock clock) {
        Method factory = method(IAM_CLASS, "credentialsProvider", "public static HikariCredentialsProvider "
                + "credentialsProvider(String host, int port, String user, String region, AwsCredentialsProvider "
                + "credentials, Clock clock)", String.class, int.class, String.class, String.class,
                AwsCredentialsProvider.class, Clock.class);
        HikariCredentialsProvider provider = JavaCalls.call(() -> (HikariCredentialsProvider) factory.invoke(null,
                e.host(), e.port(), e.user(), e.region(), credentials, clock), IAM_LIMIT,
                "IamAuthentication.credentialsProvider");
        if (provider == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "IamAuthentication.credentialsProvider returned null.");
        }
        return provider;
    }

    /** What the pool would get for its next connection. */
    static Credentials credentials(HikariCredentialsProvider provider) {
        Credentials credentials = JavaCalls.call(provider::getCredentials, IAM_LIMIT, "getCredentials() of your provider");
        if (credentials == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "getCredentials() of your provider returned null: return "
                    + "Credentials.of(user, token).");
        }
        return credentials;
    }

    /** A connection from the student's pool (HikariCP may wait up to the pool's connectionTimeout). */
    static Outcome<Connection> connect(HikariDataSource pool) {
        return JavaCalls.call(() -> {
            try {
                return new Outcome<>(pool.getConnection(), null);
            } catch (java.sql.SQLException | RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }, POOL_LIMIT, "getConnection() on your pool");
    }

    /** Exceptions are answers here, except a starter's TODO and errors (stack overflow…), which end the check. */
    private static <T> Outcome<T> caught(InvocationTargetException e) throws InvocationTargetException {
        Throwable t = e.getCause();
        boolean todo = t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().strip().startsWith("TODO");
        if (todo || t instanceof Error) {
            throw e;
        }
        return new Outcome<>(null, t);
    }

    private Settings settings(Object result) throws ReflectiveOperationException {
        Class<?> type = result.getClass();
        Object url = accessor(type, "jdbcUrl").invoke(result);
        Object properties = accessor(type, "properties").invoke(result);
        Map<String, String> map = new TreeMap<>();
        if (properties instanceof Properties p) {
            p.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        } else if (properties != null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "JdbcSettings.properties() must return java.util.Properties.");
        }
        return new Settings(url == null ? null : url.toString(), map);
    }

    private static Method accessor(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, type.getSimpleName() + " has no method " + name + "(). "
                    + "Keep JdbcSettings as the starter gives it: record JdbcSettings(String jdbcUrl, Properties properties).");
        }
    }

    private Method method(String className, String name, String signature, Class<?>... parameters) {
        Class<?> type = code.load(className);
        try {
            Method m = type.getMethod(name, parameters);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new NoSuchMethodException();
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, className + " needs the method " + signature
                    + " (as in the starter). Keep its name, parameter and return type.");
        }
    }

    static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }
}
