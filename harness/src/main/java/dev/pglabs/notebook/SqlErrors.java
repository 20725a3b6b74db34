package dev.pglabs.notebook;

import dev.pglabs.sql.SqlScript;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Formats a PostgreSQL error the way psql shows it, with the SQLSTATE, and locates it in the README. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * psql's form, positions relative to the statement:
     * <pre>
     * ERROR:  column "usename" does not exist
     * LINE 1: SELECT usename FROM users
     *                ^
     * HINT:  Perhaps you meant to reference the column "users.username".
     * SQLSTATE: 42703
     * </pre>
     */
    static String psqlStyle(SQLException e, SqlScript.Statement statement) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        StringBuilder sb = new StringBuilder();
        if (server == null) {
            sb.append("ERROR:  ").append(e.getMessage());
        } else {
            sb.append(server.getSeverity() == null ? "ERROR" : server.getSeverity()).append(":  ")
                    .append(server.getMessage());
            if (server.getPosition() > 0) {
                sb.append('\n').append(caret(statement.sql(), server.getPosition()));
            }
            appendField(sb, "DETAIL", server.getDetail());
            appendField(sb, "HINT", server.getHint());
            appendField(sb, "CONTEXT", server.getWhere());
        }
        if (e.getSQLState() != null) {
            sb.append("\nSQLSTATE: ").append(e.getSQLState());
        }
        return sb.toString();
    }

    /** One line for the console: "ERROR: message (SQLSTATE 42703)". */
    static String oneLine(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null ? server.getMessage() : e.getMessage();
        return "ERROR: " + message + (e.getSQLState() != null ? " (SQLSTATE " + e.getSQLState() + ")" : "");
    }

    private static void appendField(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append('\n').append(label).append(":  ").append(value.replace("\n", "\n" + label + ":  "));
        }
    }

    /** "LINE n: text" and a caret under the 1-based character position, as psql prints them. */
    private static String caret(String sql, int position) {
        int index = Math.min(sql.length(), sql.offsetByCodePoints(0, Math.min(position - 1,
                sql.codePointCount(0, sql.length()))));
        int lineStart = sql.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = sql.indexOf('\n', index);
        int lineNo = 1;
        for (int i = 0; i < lineStart; i++) {
            if (sql.charAt(i) == '\n') {
                lineNo++;
            }
        }
        String prefix = "LINE " + lineNo + ": ";
        String line = sql.substring(lineStart, lineEnd < 0 ? sql.length() : lineEnd).stripTrailing();
        int column = sql.codePointCount(lineStart, index);
        return prefix + line + "\n" + " ".repeat(prefix.length() + column) + "^";
    }
}
