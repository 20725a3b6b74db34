package dev.pglabs.graders.lab10;

import dev.pglabs.worker.Thrown;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Says in a beginner's words why a connection failed: pgJDBC's TLS and authentication errors read like noise
 * ("PKIX path building failed") until someone explains them.
 */
final class ConnectionProblems {

    private ConnectionProblems() {
    }

    /** The exception chain in short ("PoolInitializationException: … ← PSQLException: …"), then what it means. */
    static String explain(Throwable thrown) {
        List<String> chain = new ArrayList<>();
        Set<Throwable> seen = new LinkedHashSet<>();
        String sqlState = null;
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null && seen.add(t) && chain.size() < 4; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().strip();
            chain.add(t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + firstLine(message)));
            all.append(message).append('\n');
            if (sqlState == null && t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
        }
        String text = all.toString();
        return String.join("\n    caused by ", chain) + meaning(text, sqlState);
    }

    /** As {@link #explain(Throwable)}, for an exception of the student's code described by the worker. */
    static String explain(Thrown thrown) {
        List<String> chain = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        String message = thrown.message() == null ? "" : thrown.message().strip();
        chain.add(thrown.simpleType() + (message.isEmpty() ? "" : ": " + firstLine(message)));
        all.append(message).append('\n');
        for (String cause : thrown.causes()) {
            if (chain.size() >= 4) {
                break;
            }
            int colon = cause.indexOf(": ");
            String type = colon < 0 ? cause : cause.substring(0, colon);
            String text = colon < 0 ? "" : cause.substring(colon + 2);
            chain.add(type.substring(type.lastIndexOf('.') + 1) + (text.isEmpty() ? "" : ": " + firstLine(text)));
            all.append(text).append('\n');
        }
        return String.join("\n    caused by ", chain) + meaning(all.toString(), thrown.sqlState());
    }

    private static String meaning(String text, String sqlState) {
        if (text.contains("PKIX path") || text.contains("unable to find valid certification path")) {
            return "\n  What it means: the server's certificate is not signed by a CA the driver trusts. pgJDBC must be "
                    + "given the CA bundle: the sslrootcert property (from DATABASE_URL's sslrootcert, or PGSSLROOTCERT "
                    + "when the URL names none).";
        }
        if (text.contains("Could not open SSL root certificate file")) {
            return "\n  What it means: the driver found no CA file, so it looked in its default place "
                    + "(~/.postgresql/root.crt). The sslrootcert setting did not reach the driver: pass it on as the "
                    + "sslrootcert property.";
        }
        if (text.contains("hostnameverifier") || text.contains("Server name validation")) {
            return "\n  What it means: the certificate is valid but issued for another host name, and verify-full "
                    + "checks the name too.";
        }
        if ("28000".equals(sqlState) && text.contains("no encryption")) {
            return "\n  What it means: the server refuses connections without TLS (like RDS with rds.force_ssl), and "
                    + "this one came without. Take sslmode from DATABASE_URL (verify-full there), and don't set "
                    + "sslmode=disable in code.";
        }
        if ("28P01".equals(sqlState) || text.contains("password authentication failed")) {
            return "\n  What it means: the server rejected the password. Use the user and password from DATABASE_URL, "
                    + "percent-decoded, not values written in the code.";
        }
        if (text.contains("does not support SSL")) {
            return "\n  What it means: this server has no TLS, and DATABASE_URL says sslmode=disable; your pool asked "
                    + "for TLS anyway. Take sslmode from DATABASE_URL; use verify-full only when it names none.";
        }
        if ("3D000".equals(sqlState)) {
            return "\n  What it means: the database name did not come through: use the path of DATABASE_URL.";
        }
        if (text.contains("Connection refused") || text.contains("UnknownHost")) {
            return "\n  What it means: nothing answered at that host and port: check how host and port go into the "
                    + "JDBC URL.";
        }
        return "";
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() > 240 ? line.substring(0, 240) + "…" : line;
    }
}
