package dev.pglabs.graders.lab10.sandboxed;

import com.zaxxer.hikari.HikariDataSource;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.Thrown;
import dev.pglabs.worker.WorkerContext;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code DataSourceFactory.<method>(env)}: builds the student's pool from an environment the grader made up, reads
 * its settings, and (with {@code connect}) takes one connection and reads its session as the grader's checks need
 * it; the pool is closed before the answer goes back. With {@code recordOutput}, what the student's code printed
 * meanwhile comes back too (a password in a log line is a finding).
 */
public record BuildPool(CodeRef code, String method, HashMap<String, String> env, boolean connect,
                        boolean recordOutput) implements StudentTask<BuildPool.Built> {

    /** The settings the checks read off the pool. */
    public record Settings(int maximumPoolSize, long connectionTimeout, long maxLifetime, String jdbcUrl,
                           String password) implements Serializable {
    }

    /** The session one connection of the pool opened, as the checks compare it. */
    public record Session(String database, String user, boolean ssl, String applicationName, long posts,
                          boolean readOnly) implements Serializable {
    }

    /**
     * The pool's settings (and session), or what building it or connecting threw; {@code printed} is what the
     * student's code printed while the pool was built (when asked).
     */
    public record Built(Settings settings, Session session, Thrown thrown, Thrown connectThrown, String printed)
            implements Serializable {
    }

    @Override
    public Built run(WorkerContext context) throws Exception {
        Method factory = AppDb.method(context, code, AppDb.FACTORY_CLASS, method, "public static HikariDataSource "
                + method + "(Map<String, String> env)", Map.class);
        if (!HikariDataSource.class.isAssignableFrom(factory.getReturnType())) {
            throw new SubmissionProblem(CheckStatus.FAILED, "DataSourceFactory." + method + " returns "
                    + factory.getReturnType().getSimpleName() + "; the lab asks for a HikariDataSource (a pool).");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        HikariDataSource pool;
        try {
            if (recordOutput) {
                PrintStream tap = new PrintStream(new BoundedOutput(printed), true, StandardCharsets.UTF_8);
                System.setOut(tap);
                System.setErr(tap);
            }
            try {
                pool = (HikariDataSource) factory.invoke(null, new HashMap<>(env));
            } catch (InvocationTargetException e) {
                if (!AppDb.isAnswer(e.getCause())) {
                    throw e;
                }
                return new Built(null, null, WorkerContext.thrown(e.getCause()), null, text(printed));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (pool == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "DataSourceFactory." + method + " returned null.");
        }
        try (pool) {
            String password = pool.getPassword() != null ? pool.getPassword()
                    : pool.getDataSourceProperties().getProperty("password");
            Settings settings = new Settings(pool.getMaximumPoolSize(), pool.getConnectionTimeout(),
                    pool.getMaxLifetime(), pool.getJdbcUrl(), password);
            if (!connect) {
                return new Built(settings, null, null, null, text(printed));
            }
            try (Connection connection = pool.getConnection(); Statement st = connection.createStatement()) {
                st.setQueryTimeout(10);
                boolean readOnly = connection.isReadOnly();
                try (ResultSet rs = st.executeQuery("SELECT current_database(), current_user, "
                        + "coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false), "
                        + "current_setting('application_name'), to_regclass('public.posts') IS NOT NULL")) {
                    rs.next();
                    String database = rs.getString(1);
                    String user = rs.getString(2);
                    boolean ssl = rs.getBoolean(3);
                    String applicationName = rs.getString(4);
                    long posts = -1;
                    if (rs.getBoolean(5)) {
                        try (ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM posts")) {
                            count.next();
                            posts = count.getLong(1);
                        }
                    }
                    return new Built(settings, new Session(database, user, ssl, applicationName, posts, readOnly),
                            null, null, text(printed));
                }
            } catch (SQLException | RuntimeException e) {
                return new Built(settings, null, null, WorkerContext.thrown(e), text(printed));
            }
        }
    }

    private static String text(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Keeps the first megabyte of what is printed: enough to find a password, not a channel for a flood. */
    private static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream into;

        BoundedOutput(ByteArrayOutputStream into) {
            this.into = into;
        }

        @Override
        public void write(int b) {
            if (into.size() < 1_000_000) {
                into.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            into.write(b, off, Math.max(0, Math.min(len, 1_000_000 - into.size())));
        }
    }
}
