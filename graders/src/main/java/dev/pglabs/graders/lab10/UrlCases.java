package dev.pglabs.graders.lab10;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of {@code DATABASE_URL}s that exercise 1 is graded on: what each must become, or which words the
 * IllegalArgumentException must use. The hidden check has a table of its own (the same kinds of URLs written
 * differently, so a parser that special-cases the visible ones fails it), in the file of the hidden checks.
 */
final class UrlCases {

    /** A URL and what it must become. */
    record Valid(String url, String jdbcUrl, Map<String, String> properties) {
    }

    /**
     * A malformed URL: parse must throw IllegalArgumentException whose message uses one of {@code words}
     * (any letter case) and contains no form of {@code secret}, the password written in the URL.
     */
    record Malformed(String url, String problem, List<String> words, String secret) {
    }

    private UrlCases() {
    }

    static final List<Valid> SIMPLE = List.of(
            valid("postgresql://app:secret@db.example.com:5432/blog",
                    "jdbc:postgresql://db.example.com:5432/blog", "user", "app", "password", "secret"),
            valid("postgres://reporter:s3cret@reports.internal:6543/analytics",
                    "jdbc:postgresql://reports.internal:6543/analytics", "user", "reporter", "password", "s3cret"),
            valid("postgresql://app@localhost:5432/blog",
                    "jdbc:postgresql://localhost:5432/blog", "user", "app"));

    static final List<Valid> ENCODED = List.of(
            valid("postgresql://app:p%40ss@db.example.com:5432/blog",
                    "jdbc:postgresql://db.example.com:5432/blog", "user", "app", "password", "p@ss"),
            valid("postgresql://app:a%2Fb%3Ac%23d%3F@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "a/b:c#d?"),
            valid("postgresql://data%2Bteam:pa%25%25word@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "data+team", "password", "pa%%word"),
            valid("postgresql://app:caf%C3%A9-%E2%82%AC@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "café-€"));

    static final List<Valid> HOSTS = List.of(
            valid("postgresql://app:pw@db.example.com/blog",
                    "jdbc:postgresql://db.example.com:5432/blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@[::1]:5433/blog",
                    "jdbc:postgresql://[::1]:5433/blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@[2001:db8::7]/blog",
                    "jdbc:postgresql://[2001:db8::7]:5432/blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@host1:5432,host2:5433/blog",
                    "jdbc:postgresql://host1:5432,host2:5433/blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@host1,host2:5433/blog",
                    "jdbc:postgresql://host1:5432,host2:5433/blog", "user", "app", "password", "pw"));

    static final List<Valid> PARAMETERS = List.of(
            valid("postgresql://app:pw@db:5432/blog?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Frds-ca.pem",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw", "sslmode", "verify-full",
                    "sslrootcert", "/etc/ssl/rds-ca.pem"),
            valid("postgresql://app:pw@db:5432/blog?sslmode=require&application_name=blog%20api",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw", "sslmode", "require",
                    "ApplicationName", "blog api"),
            valid("postgresql://app:pw@db:5432/blog?connect_timeout=10&sslmode=disable",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw", "connectTimeout", "10",
                    "sslmode", "disable"),
            valid("postgresql://app:pw@db:5432/blog?sslrootcert=/certs/global-bundle.pem&sslmode=verify-ca",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw", "sslrootcert",
                    "/certs/global-bundle.pem", "sslmode", "verify-ca"));

    private static final String SECRET = "Xyzzy-42";

    static final List<Malformed> MALFORMED = List.of(
            malformed("", "it is empty", SECRET, "empty", "missing", "DATABASE_URL"),
            malformed(null, "it is null (the variable is not set)", SECRET, "empty", "missing", "null", "DATABASE_URL"),
            malformed("mysql://app:" + SECRET + "@db:3306/blog", "the scheme is not postgresql://", SECRET,
                    "scheme", "postgresql://"),
            malformed("postgresql://app:" + SECRET + "@db.example.com:54x2/blog", "the port is not a number", SECRET,
                    "port"),
            malformed("postgresql://app:" + SECRET + "@db.example.com:5432", "no database is named", SECRET,
                    "database"),
            malformed("postgresql://app:" + SECRET + "@:5432/blog", "the host is empty", SECRET, "host"),
            malformed("postgresql://app:Xyz%zy42@db:5432/blog", "%zy is not a percent-encoding", "Xyz%zy42",
                    "percent", "encod", "escape", "hex"),
            malformed("postgresql://app:" + SECRET + "@db:5432/blog?sslmode=verify_full",
                    "verify_full is not an sslmode (verify-full is)", SECRET, "sslmode"),
            malformed("postgresql://app:" + SECRET + "@db:5432/blog?sslmdoe=verify-full",
                    "sslmdoe is a typo: an unknown parameter must not be ignored", SECRET, "sslmdoe"),
            malformed("postgresql://app:" + SECRET + "@[::1:5432/blog", "the IPv6 host has no closing ]", SECRET,
                    "ipv6", "]", "bracket"));

    static Valid valid(String url, String jdbcUrl, String... properties) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return new Valid(url, jdbcUrl, map);
    }

    static Malformed malformed(String url, String problem, String secret, String... words) {
        return new Malformed(url, problem, List.of(words), secret);
    }
}
