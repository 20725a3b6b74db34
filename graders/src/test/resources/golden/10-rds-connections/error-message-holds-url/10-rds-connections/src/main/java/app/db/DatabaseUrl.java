package app.db;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Exercise 1: turns a {@code DATABASE_URL} (the libpq URI that Heroku, Render, RDS guides and docker-compose
 * files use) into a JDBC URL and driver properties.
 *
 * <pre>
 * postgresql://app:p%40ss@db.example.com:5432/blog?sslmode=verify-full&amp;sslrootcert=/certs/rds-ca.pem
 *   → jdbc:postgresql://db.example.com:5432/blog
 *     {user=app, password=p@ss, sslmode=verify-full, sslrootcert=/certs/rds-ca.pem}
 * </pre>
 */
public final class DatabaseUrl {

    private static final int DEFAULT_PORT = 5432;
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    /** URL query parameter → pgJDBC property. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "sslmode", "sslmode",
            "sslrootcert", "sslrootcert",
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");

    private DatabaseUrl() {
    }

    /**
     * Parses a {@code postgresql://} (or {@code postgres://}) URL.
     *
     * @throws IllegalArgumentException when the URL is malformed; the message names the part that is wrong and
     *                                  never contains the password
     */
    public static JdbcSettings parse(String databaseUrl) {
        try {
            return parseChecked(databaseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (in " + databaseUrl + ")", e);
        }
    }

    private static JdbcSettings parseChecked(String databaseUrl) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty: expected postgresql://user:password@host:5432/database");
        }
        String text = databaseUrl.strip();
        String rest;
        if (text.startsWith("postgresql://")) {
            rest = text.substring("postgresql://".length());
        } else if (text.startsWith("postgres://")) {
            rest = text.substring("postgres://".length());
        } else {
            int colon = text.indexOf(':');
            String scheme = colon > 0 ? text.substring(0, colon) : "(none)";
            throw new IllegalArgumentException("DATABASE_URL has the scheme '" + scheme
                    + "'; expected postgresql:// or postgres://");
        }

        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String database = slash >= 0 ? rest.substring(slash + 1) : "";
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;

        int at = authority.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("DATABASE_URL has no user: expected postgresql://user:password@host/database");
        }
        String userInfo = authority.substring(0, at);
        String hostList = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, "user name");
        String password = colon >= 0 ? decode(userInfo.substring(colon + 1), "password") : null;
        if (user.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL has an empty user name");
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL names no database: add /database after the host");
        }

        List<String> hosts = new ArrayList<>();
        for (String host : hostList.split(",", -1)) {
            hosts.add(hostAndPort(host));
        }

        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    parameter(pair, properties);
                }
            }
        }
        return new JdbcSettings("jdbc:postgresql://" + String.join(",", hosts) + "/" + database, properties);
    }

    /** {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port} → {@code host:port}. */
    private static String hostAndPort(String text) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("DATABASE_URL has an IPv6 host without its closing ']'");
            }
            host = text.substring(0, close + 1);
            String after = text.substring(close + 1);
            if (after.startsWith(":")) {
                port = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("DATABASE_URL has something after the IPv6 host " + host
                        + " that is not a port");
            }
            if (host.length() <= 2) {
                throw new IllegalArgumentException("DATABASE_URL has an empty IPv6 host []");
            }
        } else {
            int colon = text.indexOf(':');
            host = colon >= 0 ? text.substring(0, colon) : text;
            port = colon >= 0 ? text.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("DATABASE_URL has an empty host name");
        }
        return host + ":" + port(port);
    }

    private static int port(String text) {
        if (text == null) {
            return DEFAULT_PORT;
        }
        if (!text.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("DATABASE_URL has a port that is not a number: '" + text + "'");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("DATABASE_URL has the port " + port + "; a port is 1 to 65535");
        }
        return port;
    }

    private static void parameter(String pair, Properties properties) {
        int eq = pair.indexOf('=');
        String name = decode(eq >= 0 ? pair.substring(0, eq) : pair, "parameter name");
        String value = eq >= 0 ? decode(pair.substring(eq + 1), "value of " + name) : "";
        String property = PARAMETERS.get(name);
        if (property == null) {
            throw new IllegalArgumentException("DATABASE_URL has the unknown parameter '" + name + "'; supported: "
                    + String.join(", ", PARAMETERS.keySet().stream().sorted().toList()));
        }
        if (name.equals("sslmode") && !SSL_MODES.contains(value)) {
            throw new IllegalArgumentException("DATABASE_URL has sslmode='" + value + "'; use one of "
                    + String.join(", ", SSL_MODES.stream().sorted().toList()));
        }
        if (name.equals("connect_timeout") && !value.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("DATABASE_URL has connect_timeout='" + value
                    + "'; it is a number of seconds");
        }
        properties.setProperty(property, value);
    }

    /**
     * Percent-decoding as URIs do it: %XX is a byte of UTF-8 and '+' stays '+'. (URLDecoder is for HTML forms:
     * it would turn the '+' of a password into a space.) The message names the part, never its value.
     */
    private static String decode(String text, String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("DATABASE_URL has a broken percent-encoding in the " + part
                            + ": '%' must be followed by two hex digits (write %25 for a '%')");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("DATABASE_URL has a percent-encoding in the " + part
                    + " that is not UTF-8");
        }
    }
}
