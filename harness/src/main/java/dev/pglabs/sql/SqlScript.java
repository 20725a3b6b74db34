package dev.pglabs.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements the way PostgreSQL reads it: semicolons inside 'strings',
 * E'escaped strings', "identifiers", $tag$dollar quotes$tag$, -- line comments and nested
 * block comments do not end a statement.
 */
public final class SqlScript {

    /**
     * One statement.
     *
     * @param sql      its text, trimmed, without the final semicolon (leading comments kept)
     * @param line     the 1-based line of its first code character, for messages ("starts on line 3")
     * @param textLine the 1-based line where {@code sql} begins, to map positions within it back to the file
     */
    public record Statement(String sql, int line, int textLine) {

        /** The file line of a 1-based character position within {@link #sql()}. */
        public int fileLine(int position) {
            int line = textLine;
            for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
                if (sql.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private SqlScript() {
    }

    public static List<Statement> split(String text) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int segmentLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(text, i, end);
                i = end;
                continue;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                end = blockCommentEnd(text, i);
            } else if (c == '\'') {
                boolean escapes = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)));
                end = quotedEnd(text, i, '\'', escapes);
                if (startLine < 0) {
                    startLine = line;
                }
            } else if (c == '"') {
                end = quotedEnd(text, i, '"', false);
                if (startLine < 0) {
                    startLine = line;
                }
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                end = close < 0 ? n : close + tag.length();
                if (startLine < 0) {
                    startLine = line;
                }
            } else if (c == ';') {
                if (startLine >= 0) {
                    statements.add(statement(current, startLine, segmentLine));
                }
                current.setLength(0);
                startLine = -1;
                segmentLine = line;
                i++;
                continue;
            } else {
                if (c == '\n') {
                    line++;
                } else if (!Character.isWhitespace(c) && startLine < 0) {
                    startLine = line;
                }
                current.append(c);
                i++;
                continue;
            }
            String chunk = text.substring(i, end);
            line += (int) chunk.chars().filter(ch -> ch == '\n').count();
            current.append(chunk);
            i = end;
        }
        if (startLine >= 0) {
            statements.add(statement(current, startLine, segmentLine));
        }
        return statements;
    }

    private static Statement statement(CharSequence raw, int startLine, int segmentLine) {
        String text = raw.toString();
        int leadingNewlines = 0;
        for (int k = 0; k < text.length() && Character.isWhitespace(text.charAt(k)); k++) {
            if (text.charAt(k) == '\n') {
                leadingNewlines++;
            }
        }
        return new Statement(text.strip(), startLine, segmentLine + leadingNewlines);
    }

    /** The text with comments removed and whitespace trimmed: empty when a file holds only comments. */
    public static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i = blockCommentEnd(text, i);
            } else if (c == '\'' || c == '"') {
                int end = quotedEnd(text, i, c, false);
                out.append(text, i, end);
                i = end;
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                out.append(text, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().strip();
    }

    private static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length() - 1) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static int quotedEnd(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** The $tag$ opening a dollar-quoted string at position i, or null ($1 parameters are not tags). */
    private static String dollarTag(String text, int i) {
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(text.charAt(j))) {
                return null;
            }
            j++;
        }
        return j < text.length() && text.charAt(j) == '$' ? text.substring(i, j + 1) : null;
    }
}
