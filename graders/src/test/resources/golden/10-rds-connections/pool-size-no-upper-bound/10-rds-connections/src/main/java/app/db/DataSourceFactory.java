package app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

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
 */
public final class DataSourceFactory {

    static final int DEFAULT_POOL_SIZE = 10;
    static final String DEFAULT_APPLICATION_NAME = "blog-api";

    private DataSourceFactory() {
    }

    /** The pool for the running application: {@code DataSourceFactory.fromSystemEnvironment()}. Given. */
    public static HikariDataSource fromSystemEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Exercises 2 and 3: the writer pool, from {@code DATABASE_URL}. */
    public static HikariDataSource fromEnvironment(Map<String, String> env) {
        return pool(required(env, "DATABASE_URL"), env, false);
    }

    /** Exercise 4: a read-only pool on the reader endpoint ({@code DATABASE_READER_URL}, else the writer). */
    public static HikariDataSource readerFromEnvironment(Map<String, String> env) {
        String reader = env.get("DATABASE_READER_URL");
        String url = reader == null || reader.isBlank() ? required(env, "DATABASE_URL") : reader;
        return pool(url, env, true);
    }

    private static HikariDataSource pool(String databaseUrl, Map<String, String> env, boolean readOnly) {
        JdbcSettings settings = DatabaseUrl.parse(databaseUrl);
        Properties driver = new Properties();
        driver.putAll(settings.properties());
        // Secure by default: an URL that says nothing about TLS gets the strictest mode, not pgJDBC's "prefer".
        driver.putIfAbsent("sslmode", "verify-full");
        String bundle = env.get("PGSSLROOTCERT");
        if (!driver.containsKey("sslrootcert") && bundle != null && !bundle.isBlank()) {
            driver.setProperty("sslrootcert", bundle);
        }
        driver.putIfAbsent("ApplicationName", DEFAULT_APPLICATION_NAME);

        HikariConfig config = new HikariConfig();
        config.setPoolName(readOnly ? "blog-reader" : "blog-writer");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setDataSourceProperties(driver);   // user and password travel here, never in the URL
        config.setMaximumPoolSize(poolSize(env));
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());   // fail a request fast, don't queue 30 s
        config.setIdleTimeout(Duration.ofMinutes(5).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(25).toMillis());        // below the platform's 30 minutes
        config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        config.setReadOnly(readOnly);
        return new HikariDataSource(config);
    }

    private static int poolSize(Map<String, String> env) {
        String text = env.get("DB_POOL_SIZE");
        if (text == null || text.isBlank()) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(text.strip());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("DB_POOL_SIZE must be a number from 1 to 100, not '" + text + "'");
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the application reads its database from the "
                    + "environment, e.g. " + name + "=postgresql://app:…@localhost:5432/blog");
        }
        return value;
    }
}
