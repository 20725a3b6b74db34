package dev.pglabs.notebook;

import dev.pglabs.sql.SqlScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command tag psql prints after a statement ("INSERT 0 1", "UPDATE 3", "CREATE TABLE", "BEGIN").
 * The JDBC driver reads the server's tag but does not expose it, so it is rebuilt from the statement's leading
 * keywords and the row count the driver does report.
 */
final class CommandTags {

    private static final Set<String> COUNTED = Set.of("UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE");
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "UNIQUE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "RECURSIVE", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "DEFAULT");
    private static final Set<String> TWO_WORD_OBJECTS = Set.of("MATERIALIZED VIEW", "FOREIGN TABLE",
            "EVENT TRIGGER", "ACCESS METHOD", "USER MAPPING", "TEXT SEARCH", "OPERATOR CLASS", "OPERATOR FAMILY",
            "DEFAULT PRIVILEGES", "FOREIGN DATA");

    private CommandTags() {
    }

    /** The main verb of a statement: its first keyword, or for WITH … the statement after the CTEs. */
    static String verb(String sql) {
        List<String> words = topLevelWords(sql, 64);
        if (words.isEmpty()) {
            return "";
        }
        if (words.get(0).equals("WITH")) {
            for (String w : words) {
                if (Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "VALUES", "TABLE").contains(w)) {
                    return w;
                }
            }
        }
        return words.get(0);
    }

    /**
     * The tag for a statement that returned no rows (or, for INSERT … RETURNING and the like, the line after
     * its rows).
     *
     * @param rows the driver's update count (or the number of rows returned)
     * @param abortedTransaction whether the transaction had failed before this statement (COMMIT then reports
     *                           ROLLBACK, as PostgreSQL does)
     */
    static String tag(String sql, long rows, boolean abortedTransaction) {
        List<String> words = topLevelWords(sql, 8);
        if (words.isEmpty()) {
            return "";
        }
        String verb = verb(sql);
        String first = words.get(0);
        if (verb.equals("INSERT")) {
            return "INSERT 0 " + rows;
        }
        if (COUNTED.contains(verb)) {
            return verb + " " + rows;
        }
        if (verb.equals("SELECT") || verb.equals("VALUES") || verb.equals("TABLE")) {
            return "SELECT " + rows;  // SELECT … INTO
        }
        switch (first) {
            case "BEGIN":
                return "BEGIN";
            case "START":
                return "START TRANSACTION";
            case "COMMIT":
            case "END":
                return abortedTransaction ? "ROLLBACK" : "COMMIT";
            case "ABORT":
            case "ROLLBACK":
                return words.size() > 1 && words.get(1).equals("PREPARED") ? "ROLLBACK PREPARED" : "ROLLBACK";
            case "TRUNCATE":
                return "TRUNCATE TABLE";
            case "LOCK":
                return "LOCK TABLE";
            case "DECLARE":
                return "DECLARE CURSOR";
            case "DISCARD":
                return words.size() > 1 ? "DISCARD " + words.get(1) : "DISCARD";
            case "REFRESH":
                return "REFRESH MATERIALIZED VIEW";
            case "CREATE":
            case "ALTER":
            case "DROP":
                return ddlTag(words, rows);
            default:
                return first;
        }
    }

    private static String ddlTag(List<String> words, long rows) {
        String action = words.get(0);
        int i = 1;
        while (i < words.size() && MODIFIERS.contains(words.get(i))
                && !(words.get(i).equals("DEFAULT") && i + 1 < words.size() && words.get(i + 1).equals("PRIVILEGES"))) {
            i++;
        }
        if (i >= words.size()) {
            return action;
        }
        String object = words.get(i);
        if (i + 1 < words.size() && TWO_WORD_OBJECTS.contains(object + " " + words.get(i + 1))) {
            object = object + " " + words.get(i + 1);
        }
        if (action.equals("CREATE") && words.contains("AS") && (object.equals("TABLE")
                || object.equals("MATERIALIZED VIEW"))) {
            return "SELECT " + rows;  // CREATE TABLE … AS reports the rows it wrote
        }
        return action + " " + object;
    }

    /** Upper-cased words outside parentheses, strings and comments, at most {@code limit} of them. */
    static List<String> topLevelWords(String sql, int limit) {
        String code = SqlScript.withoutComments(sql);
        List<String> words = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < code.length() && words.size() < limit) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                i++;
            } else if (c == '\'' || c == '"') {
                int close = code.indexOf(c, i + 1);
                i = close < 0 ? code.length() : close + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < code.length() && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '_')) {
                    j++;
                }
                if (depth == 0) {
                    words.add(code.substring(i, j).toUpperCase(Locale.ROOT));
                }
                i = j;
            } else {
                i++;
            }
        }
        return words;
    }
}
