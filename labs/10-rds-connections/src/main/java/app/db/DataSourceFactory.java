package app.db;

import com.zaxxer.hikari.HikariDataSource;

import java.util.Map;

/**
 * Exercises 2–4: the application's connection pool, built from the environment only. The same code runs
 * against the PostgreSQL on your laptop and against RDS: only the environment changes.
 *
 * <pre>
 * DATABASE_URL         required   postgresql://user:password@host:5432/db?sslmode=…&amp;sslrootcert=…
 * DATABASE_READER_URL  optional   the reader endpoint, for read-only work (default: DATABASE_URL)
 * DB_POOL_SIZE         optional   maximum connections in the pool, 1 to 100 (default 10)
 * PGSSLROOTCERT        optional   the CA bundle, when DATABASE_URL names no sslrootcert
 * </pre>
 *
 * The rules are in the lab's README: sections 5 and 7 (exercises 2 and 3) and 10 (exercise 4).
 */
public final class DataSourceFactory {

    private DataSourceFactory() {
    }

    /** The pool for the running application: {@code DataSourceFactory.fromSystemEnvironment()}. Given. */
    public static HikariDataSource fromSystemEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Exercises 2 and 3: the writer pool, from {@code DATABASE_URL}. Read settings from {@code env} only. */
    public static HikariDataSource fromEnvironment(Map<String, String> env) {
        // TODO Exercise 2: parse env.get("DATABASE_URL") with DatabaseUrl.parse, then configure a HikariConfig:
        //  JDBC URL, driver properties, pool size (DB_POOL_SIZE), timeouts, TLS defaults; return a HikariDataSource.
        throw new UnsupportedOperationException("TODO build the pool from the environment (exercise 2)");
    }

    /** Exercise 4: a read-only pool on the reader endpoint ({@code DATABASE_READER_URL}, else the writer). */
    public static HikariDataSource readerFromEnvironment(Map<String, String> env) {
        // TODO Exercise 4: the same pool settings, on DATABASE_READER_URL when it is set, and read-only.
        throw new UnsupportedOperationException("TODO build the read-only pool for the reader endpoint (exercise 4)");
    }
}
