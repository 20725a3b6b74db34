package app.db;

/**
 * Exercise 1: turns a {@code DATABASE_URL} (the libpq URI that Heroku, Render, RDS guides and docker-compose
 * files use) into a JDBC URL and driver properties.
 *
 * <pre>
 * postgresql://app:p%40ss@db.example.com:5432/blog?sslmode=verify-full&amp;sslrootcert=/certs/rds-ca.pem
 *   → jdbc:postgresql://db.example.com:5432/blog
 *     {user=app, password=p@ss, sslmode=verify-full, sslrootcert=/certs/rds-ca.pem}
 * </pre>
 *
 * The rules are in the lab's README, section 3 ("Exercise 1").
 */
public final class DatabaseUrl {

    private DatabaseUrl() {
    }

    /**
     * Parses a {@code postgresql://} (or {@code postgres://}) URL.
     *
     * @throws IllegalArgumentException when the URL is malformed; the message names the part that is wrong and
     *                                  never contains the password
     */
    public static JdbcSettings parse(String databaseUrl) {
        // TODO Exercise 1: split the URL into scheme, user info, hosts, database and query; percent-decode the
        //  user and password; build "jdbc:postgresql://host:port[,host:port…]/database" and the properties.
        throw new UnsupportedOperationException("TODO parse DATABASE_URL into a JDBC URL and properties (exercise 1)");
    }
}
