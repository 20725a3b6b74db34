package dev.pglabs.comparison;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a compared result is, so that the hint under a difference fits what the student did: the result of their
 * query, or the state of a table after their script ran (where "extra rows" mean rows it failed to delete, not a
 * loose condition). {@code answerSql} is the student's text when known (empty otherwise): a comparison with
 * {@code = NULL} in it explains an empty result better than letter case does.
 */
public record Situation(boolean stateAfterScript, String answerSql) {

    /** A query's result, the student's text unknown. */
    public static final Situation QUERY = new Situation(false, "");

    /**
     * The contents of a table (or view) after the grader ran the student's code, the code's text unknown: worded as
     * what the table holds, never as what a query returned.
     */
    public static final Situation TABLE_STATE = new Situation(true, "");

    private static final Pattern NULL_COMPARISON = Pattern.compile("(=|<>|!=)\\s*null\\b|\\bnull\\s*(=|<>|!=)");
    private static final Pattern TEXT_EQUALITY = Pattern.compile("(=|<>|!=|\\bin\\s*\\()\\s*'");

    public Situation {
        answerSql = answerSql == null ? "" : answerSql;
    }

    public static Situation query(String answerSql) {
        return new Situation(false, answerSql);
    }

    public static Situation stateAfter(String answerSql) {
        return new Situation(true, answerSql);
    }

    private String code() {
        // Comments and string contents say nothing about the operators used.
        return answerSql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("'(?:[^']|'')*'", "'x'").toLowerCase(Locale.ROOT);
    }

    /** The answer compares something with NULL using =, <> or != (never true). */
    boolean comparesWithNull() {
        return NULL_COMPARISON.matcher(code()).find();
    }

    /** The answer compares with a text literal (or the answer is unknown): letter case may matter. */
    boolean mayCompareText() {
        return answerSql.isBlank() || TEXT_EQUALITY.matcher(code()).find();
    }

    /** "delete", "update", "insert", or "" when the script's first statement is something else. */
    String statementKind() {
        String code = code().strip();
        for (String kind : new String[] {"delete", "update", "insert"}) {
            if (code.startsWith(kind) || code.matches("(?s)^with\\b.*\\b" + kind + "\\b.*")) {
                return kind;
            }
        }
        return "";
    }
}
