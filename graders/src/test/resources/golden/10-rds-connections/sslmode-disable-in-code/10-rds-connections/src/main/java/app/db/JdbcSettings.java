package app.db;

import java.util.Properties;

/**
 * What a {@code DATABASE_URL} turns into: a JDBC URL that holds no secret, and the driver properties (user,
 * password, TLS settings, application name) that travel next to it.
 *
 * <p>Given: you do not need to change this file.
 *
 * @param jdbcUrl    e.g. {@code jdbc:postgresql://db.example.com:5432/blog}
 * @param properties pgJDBC connection properties, e.g. {@code user}, {@code password}, {@code sslmode}
 */
public record JdbcSettings(String jdbcUrl, Properties properties) {

    /** Never prints the password: a record's own toString would, and then it ends up in a log. */
    @Override
    public String toString() {
        Properties shown = new Properties();
        shown.putAll(properties);
        if (shown.containsKey("password")) {
            shown.setProperty("password", "****");
        }
        return "JdbcSettings[jdbcUrl=" + jdbcUrl + ", properties=" + shown + "]";
    }
}
