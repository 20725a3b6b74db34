package dev.pglabs.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders rows as a small aligned plain-text table in the style of psql, because that is the
 * output students already know:
 * <pre>
 *  id | username
 * ----+----------
 *   1 | alice
 *   2 | NULL
 * </pre>
 * Numeric columns are right-aligned, NULL is spelled out, long values are cut with … (and a table wider than
 * {@link #MAX_LINE_WIDTH} loses its last columns), and
 * strings that would otherwise be invisible or ambiguous ('', ' x', 'NULL') are quoted.
 */
public final class TableFormatter {

    /** Longest cell, in characters; longer values are cut and end with …. */
    public static final int MAX_CELL_WIDTH = 40;
    /** Longest line of a table: what a terminal or a report shows without wrapping. */
    public static final int MAX_LINE_WIDTH = 100;
    /** Cells are not cut shorter than this to make a wide table fit; columns are left out instead. */
    static final int MIN_CELL_WIDTH = 8;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TableFormatter() {
    }

    public static String format(ResultTable table, int maxRows) {
        return format(table.columns(), table.rows(), maxRows);
    }

    /**
     * A query's result as psql shows it, for reading rather than for feedback: every column, however wide the
     * table (a notebook's output is compared with the one recorded in the lab's README), values cut only at
     * {@link #MAX_CELL_WIDTH}.
     */
    public static String formatWhole(ResultTable table, int maxRows) {
        return format(table.columns(), table.rows(), maxRows, Integer.MAX_VALUE);
    }

    /**
     * At most {@code maxRows} rows, then a line "… and N more rows". The table fits in {@link #MAX_LINE_WIDTH}
     * characters, so a terminal never wraps it in the middle of a value: the widest columns are cut first (never
     * below {@link #MIN_CELL_WIDTH}), and columns that still do not fit are left out and counted in a last line.
     */
    public static String format(List<String> columns, List<List<Object>> rows, int maxRows) {
        return format(columns, rows, maxRows, MAX_LINE_WIDTH);
    }

    private static String format(List<String> columns, List<List<Object>> rows, int maxRows, int maxLineWidth) {
        boolean fitting = maxLineWidth != Integer.MAX_VALUE;
        int shown = Math.max(0, Math.min(maxRows, rows.size()));
        int n = columns.size();
        List<List<String>> cells = new ArrayList<>(shown);
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = fitting ? Math.min(MAX_CELL_WIDTH, length(columns.get(c))) : length(columns.get(c));
            right[c] = true;
        }
        boolean anyValue = false;
        for (int r = 0; r < shown; r++) {
            List<Object> row = rows.get(r);
            List<String> line = new ArrayList<>(n);
            for (int c = 0; c < n; c++) {
                Object value = row.get(c);
                String cell = render(value);
                line.add(cell);
                width[c] = Math.max(width[c], Math.min(MAX_CELL_WIDTH, length(cell)));
                if (value != null) {
                    right[c] &= value instanceof Number;
                    anyValue = true;
                }
            }
            cells.add(line);
        }
        if (!anyValue) {
            Arrays.fill(right, false);  // nothing but NULLs: nothing says a column is a number
        }
        int fit = fitting ? fitToLine(width, maxLineWidth) : n;
        StringBuilder out = new StringBuilder();
        appendLine(out, columns, width, right, fit);
        StringBuilder separator = new StringBuilder();
        for (int c = 0; c < fit; c++) {
            if (c > 0) {
                separator.append('+');
            }
            separator.append("-".repeat(width[c] + 2));
        }
        out.append(separator).append('\n');
        for (List<String> line : cells) {
            appendLine(out, line, width, right, fit);
        }
        if (rows.isEmpty()) {
            out.append("(no rows)\n");
        } else if (rows.size() > shown) {
            int more = rows.size() - shown;
            out.append("… and ").append(more).append(more == 1 ? " more row\n" : " more rows\n");
        }
        if (fit < n) {
            int more = n - fit;
            out.append("… and ").append(more).append(more == 1 ? " more column" : " more columns")
                    .append(" not shown (too wide)\n");
        }
        out.setLength(out.length() - 1); // no trailing newline: callers decide the spacing.
        return out.toString();
    }

    /**
     * Narrows the widest columns until a line fits in {@link #MAX_LINE_WIDTH}; returns how many columns are shown
     * (all, unless even at {@link #MIN_CELL_WIDTH} they are too many).
     */
    private static int fitToLine(int[] width, int maxLineWidth) {
        while (lineWidth(width, width.length) > maxLineWidth) {
            int widest = 0;
            for (int c = 1; c < width.length; c++) {
                if (width[c] > width[widest]) {
                    widest = c;
                }
            }
            if (width[widest] <= MIN_CELL_WIDTH) {
                break;
            }
            width[widest]--;
        }
        int fit = width.length;
        while (fit > 1 && lineWidth(width, fit) > maxLineWidth) {
            fit--;
        }
        return fit;
    }

    /** The separator line's length, the longest line of the table: each column plus 2 spaces, '+' between. */
    private static int lineWidth(int[] width, int columns) {
        int total = Math.max(0, columns - 1);
        for (int c = 0; c < columns; c++) {
            total += width[c] + 2;
        }
        return total;
    }

    /**
     * The display form of one value, uncut. Strings that would be invisible or look like NULL
     * are quoted so a beginner can see the difference between '', ' alice', 'NULL' and NULL.
     */
    public static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String) {
            String s = (String) value;
            boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL")
                    || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
            s = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
            return quote ? "'" + s + "'" : s;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString(); // keeps the scale: 12.50 stays 12.50, as psql shows it.
        }
        if (value instanceof Double || value instanceof Float) {
            return renderFloating(((Number) value).doubleValue());
        }
        if (value instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) value;
            return t.toLocalDate() + " " + time(t.toLocalTime());
        }
        if (value instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) value;
            String offset = t.getOffset().getTotalSeconds() == 0 ? "+00" : t.getOffset().getId();
            return t.toLocalDate() + " " + time(t.toLocalTime()) + offset;
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof byte[]) {
            StringBuilder hex = new StringBuilder("\\x");
            for (byte b : (byte[]) value) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        }
        return value.toString().replace("\n", "\\n");
    }

    /** Like psql: seconds always, fractions only when present and without trailing zeros (10:15:30.5). */
    private static String time(LocalTime t) {
        String text = TIME.format(t);
        if (t.getNano() == 0) {
            return text;
        }
        String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    private static String renderFloating(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN";
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e15)) {
            return Double.toString(d); // 1.0E20 rather than twenty digits.
        }
        BigDecimal bd = BigDecimal.valueOf(d).stripTrailingZeros();
        return bd.signum() == 0 ? "0" : bd.toPlainString(); // 2.0 shows as 2, as in psql.
    }

    /** The value in at most {@code width} characters, ending in … when it was longer. */
    static String cut(String s, int width) {
        if (length(s) <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] width, boolean[] right, int fit) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < fit; c++) {
            line.append(c == 0 ? " " : " | ");
            String cell = cut(cells.get(c), width[c]);
            String pad = " ".repeat(width[c] - length(cell));
            line.append(right[c] ? pad + cell : cell + pad);
        }
        out.append(stripTrailing(line)).append('\n');
    }

    private static String stripTrailing(CharSequence s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.subSequence(0, end).toString();
    }
}
