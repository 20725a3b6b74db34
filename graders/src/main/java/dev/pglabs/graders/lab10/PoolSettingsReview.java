package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.StudentDb.Outcome;
import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.grading.Problems;

import java.util.List;

import static dev.pglabs.graders.lab10.Environments.describe;
import static dev.pglabs.graders.lab10.Environments.env;
import static dev.pglabs.graders.lab10.Environments.millis;
import static dev.pglabs.graders.lab10.Pools.WRITER;
import static dev.pglabs.graders.lab10.Pools.build;

/**
 * Exercise 2's pool settings: the size from DB_POOL_SIZE (10 when unset, 1 to 100, anything else refused at start-up),
 * timeouts fit for a managed database, and no password in the JDBC URL.
 */
final class PoolSettingsReview {

    static final int DEFAULT_POOL_SIZE = 10;
    /** Not a whole number, below the range, above it: each must stop the application. */
    private static final List<String> BAD_SIZES = List.of("lots", "0", "101");

    private PoolSettingsReview() {
    }

    static Problems of(StudentDb student, String url, String password) {
        Problems problems = new Problems();
        BuildPool.Settings pool = build(student, WRITER, env("DATABASE_URL", url, "DB_POOL_SIZE", "7"));
        problems.addIf(pool.maximumPoolSize() != 7, "With DB_POOL_SIZE=7 the pool's maximumPoolSize is "
                + pool.maximumPoolSize() + ", expected 7.");
        timeouts(pool, problems, "");
        problems.addIf(pool.jdbcUrl() != null && pool.jdbcUrl().contains(password), "The pool's JDBC URL holds the "
                + "password. Keep it in the properties (or setPassword): URLs end up in logs and error messages.");
        BuildPool.Settings unsized = build(student, WRITER, env("DATABASE_URL", url));
        problems.addIf(unsized.maximumPoolSize() != DEFAULT_POOL_SIZE, "Without DB_POOL_SIZE the pool's "
                + "maximumPoolSize is " + unsized.maximumPoolSize() + ", expected the default " + DEFAULT_POOL_SIZE + ".");
        for (String bad : BAD_SIZES) {
            Outcome<BuildPool.Settings> refused = student.dataSource(WRITER, env("DATABASE_URL", url, "DB_POOL_SIZE", bad));
            if (!refused.threw()) {
                problems.add("DB_POOL_SIZE=" + bad + " was accepted (maximumPoolSize "
                        + refused.value().maximumPoolSize() + "). A setting that makes no sense must stop the "
                        + "application at start-up: throw an IllegalArgumentException that names DB_POOL_SIZE (it "
                        + "allows 1 to 100).");
            } else if (!(refused.thrown().is(IllegalArgumentException.class)
                    || refused.thrown().is(IllegalStateException.class))
                    || !String.valueOf(refused.thrown().message()).contains("DB_POOL_SIZE")) {
                problems.add("DB_POOL_SIZE=" + bad + " made the factory throw " + describe(refused.thrown())
                        + ". Throw an IllegalArgumentException whose message names DB_POOL_SIZE.");
            }
        }
        return problems;
    }

    /** The timeouts of section 4; {@code whose} names the pool in the feedback ("" for the writer). */
    static void timeouts(BuildPool.Settings pool, Problems problems, String whose) {
        long timeout = pool.connectionTimeout();
        problems.addIf(timeout < 1_000 || timeout > 10_000, whose + "connectionTimeout is " + millis(timeout)
                + (timeout == 30_000 ? " (HikariCP's default)" : "") + ". When the database is unreachable a request "
                + "should fail within seconds, not queue for half a minute: set 1 to 10 s (the README says 5 s).");
        long lifetime = pool.maxLifetime();
        problems.addIf(lifetime < 60_000 || lifetime > 29 * 60_000, whose + "maxLifetime is " + millis(lifetime)
                + (lifetime == 1_800_000 ? " (HikariCP's default)" : "") + ". The platform closes connections after "
                + "30 minutes, so the pool must retire them earlier: at least 1 min, at most 29 min (the README says "
                + "25 min).");
    }
}
