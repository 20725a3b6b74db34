package dev.pglabs.graders.lab10;

import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.DatabaseUrl;
import dev.pglabs.provisioning.RdsLikeServer;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.Thrown;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The environments the grader makes up for the student's factory, and how feedback shows them (passwords masked). */
final class Environments {

    private Environments() {
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** TLS settings as DATABASE_URL query parameters. */
    static Map<String, String> tls(String sslmode, String rootCert) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sslmode", sslmode);
        params.put("sslrootcert", rootCert);
        return params;
    }

    /** The course server is usually a plain local one (sslmode=disable); keep its TLS settings if it has any. */
    static Map<String, String> localParameters(ConnectionTarget t) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sslmode", t.parameters().getOrDefault("sslmode", "disable"));
        if (t.parameters().containsKey("sslrootcert")) {
            params.put("sslrootcert", t.parameters().get("sslrootcert"));
        }
        return params;
    }

    /** A DATABASE_URL for this role and database. */
    static String libpq(ConnectionTarget t, String host, Map<String, String> params) {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder url = new StringBuilder("postgresql://").append(encode(t.user())).append(':')
                .append(encode(t.password())).append('@').append(hostPart).append(':').append(t.port()).append('/')
                .append(encode(t.database()));
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(p.getKey()).append('=').append(encode(p.getValue()));
            sep = "&";
        }
        return url.toString();
    }

    /** The local database's DATABASE_URL as the student's code receives it. */
    static String localUrl(ConnectionTarget t) {
        return libpq(t, t.host(), localParameters(t));
    }

    /** The RDS-like server's role as the worker reaches it: same role and database, the port of the sandbox's relay. */
    static ConnectionTarget inside(StudentJvm jvm, RdsLikeServer rds, ConnectionTarget t) {
        return new ConnectionTarget(rds.host(), jvm.route(rds.host(), rds.port()), t.database(), t.user(),
                t.password(), t.parameters());
    }

    /** Percent-encodes all but unreserved characters and '/' (paths of CA files stay readable). */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The environment as the student would set it, passwords masked. */
    static String show(Map<String, String> env) {
        if (env.isEmpty()) {
            return "  (no variables)";
        }
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> out.append(out.length() == 0 ? "" : "\n").append("  ").append(k).append('=')
                .append(k.endsWith("_URL") ? DatabaseUrl.redact(v) : v));
        return out.toString();
    }

    /** An exception of the student's code in one line: its type and the first line of its message. */
    static String describe(Thrown t) {
        String message = t.message() == null ? "" : ": " + t.message().strip().lines().findFirst().orElse("");
        return t.simpleType() + message;
    }

    static String millis(long ms) {
        return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
