package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.StudentDb.Outcome;
import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import org.opentest4j.AssertionFailedError;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import static dev.pglabs.graders.lab10.Environments.show;

/** The student's pools as the checks use them: built, connected once, their session looked at, closed. */
final class Pools {

    static final String WRITER = "fromEnvironment";
    static final String READER = "readerFromEnvironment";

    private Pools() {
    }

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
    static BuildPool.Settings build(StudentDb student, String method, Map<String, String> env) {
        Outcome<BuildPool.Settings> pool = student.dataSource(method, env);
        if (pool.threw()) {
            throw new AssertionFailedError("DataSourceFactory." + method + " failed with\n" + show(env) + "\n  "
                    + ConnectionProblems.explain(pool.thrown()));
        }
        return pool.value();
    }

    /** Builds the pool, takes one connection, looks at its session; the pool is closed afterwards. */
    static Session mustConnect(StudentDb student, String method, Map<String, String> env, String where) {
        Outcome<Session> s = open(student, method, env);
        if (s.threw()) {
            throw new AssertionFailedError("DataSourceFactory." + method + " could not connect to " + where + " with\n"
                    + show(env) + "\n  " + ConnectionProblems.explain(s.thrown()));
        }
        return s.value();
    }

    static boolean connects(StudentDb student, String method, Map<String, String> env) {
        return !open(student, method, env).threw();
    }

    /**
     * Runs an attempt on a thread of its own. A pool that cannot connect gives up after a second (HikariCP sleeps
     * that long after a failed first try), so the attempts that must fail run side by side.
     */
    static CompletableFuture<Boolean> attempt(Supplier<Boolean> body) {
        return CompletableFuture.supplyAsync(body, runnable -> {
            Thread thread = new Thread(runnable, "pglabs-lab10-attempt");
            thread.setDaemon(true);
            thread.start();
        });
    }

    static boolean result(CompletableFuture<Boolean> attempt) {
        try {
            return attempt.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The number of posts, as the grader's own admin connection counts them. */
    static long postsAsAdmin(CheckDatabase db) {
        try (Statement st = db.openAdmin().createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM posts")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed: " + e.getMessage(), e);
        }
    }

    private static Outcome<Session> open(StudentDb student, String method, Map<String, String> env) {
        Outcome<BuildPool.Session> s = student.session(method, env);
        if (s.threw()) {
            return new Outcome<>(null, s.thrown());
        }
        BuildPool.Session v = s.value();
        return new Outcome<>(new Session(v.database(), v.user(), v.ssl(), v.applicationName(), v.posts(), v.readOnly()),
                null);
    }
}
