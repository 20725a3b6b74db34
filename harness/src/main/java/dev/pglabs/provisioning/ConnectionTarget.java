package dev.pglabs.provisioning;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where and as whom to connect: host, port, database, credentials and driver parameters.
 * Immutable; the {@code with…} methods derive targets for other databases or roles on the same server.
 */
public record ConnectionTarget(String host, int port, String database, String user, String password,
                               Map<String, String> parameters) implements Serializable {

    public ConnectionTarget {
        parameters = Map.copyOf(parameters);
    }

    public ConnectionTarget withDatabase(String otherDatabase) {
        return new ConnectionTarget(host, port, otherDatabase, user, password, parameters);
    }

    public ConnectionTarget withUser(String otherUser, String otherPassword) {
        return new ConnectionTarget(host, port, database, otherUser, otherPassword, parameters);
    }

    /** A JDBC URL without credentials (they travel in {@link #properties()} so they never appear in logs). */
    public String jdbcUrl() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String query = parameters.isEmpty() ? "" : "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + DatabaseUrl.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + DatabaseUrl.encode(database) + query;
    }

    /** A libpq URI ({@code postgresql://…}), the form psql, docker-compose and RDS guides use. */
    public String libpqUri(boolean includePassword) {
        StringBuilder sb = new StringBuilder("postgresql://").append(DatabaseUrl.encode(user));
        if (includePassword && password != null && !password.isEmpty()) {
            sb.append(':').append(DatabaseUrl.encode(password));
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        sb.append('@').append(hostPart).append(':').append(port).append('/').append(DatabaseUrl.encode(database));
        if (!parameters.isEmpty()) {
            sb.append('?').append(parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + DatabaseUrl.encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return sb.toString();
    }

    public Properties properties() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        return props;
    }

    /** Builder-style copy with one more driver parameter. */
    public ConnectionTarget withParameter(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(key, value);
        return new ConnectionTarget(host, port, database, user, password, copy);
    }

    @Override
    public String toString() {
        return libpqUri(false);
    }
}
