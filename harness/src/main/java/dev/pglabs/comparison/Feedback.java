package dev.pglabs.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the messages a student reads. Short sentences, the data that differs shown as tables,
 * and a hint about the usual cause of that kind of mistake.
 */
final class Feedback {

    /** Per differing row, how many of its differing columns are listed. */
    private static final int MAX_DIFFERING_COLUMNS_SHOWN = 8;
    /** Characters shown before the first difference of two long values that start alike. */
    private static final int LEAD_BEFORE_DIFFERENCE = 12;

    private Feedback() {
    }

    static String columnCount(List<String> expected, List<String> actual, Situation situation) {
        StringBuilder out = new StringBuilder();
        if (situation.stateAfterScript()) {
            return out.append("Afterwards the table should have ").append(count(expected.size(), "column")).append(' ')
                    .append(list(expected)).append("; it has ").append(actual.size()).append(' ').append(list(actual))
                    .append(".\nYour script changed the table's columns: it should change only its rows.").toString();
        }
        out.append("Expected ").append(count(expected.size(), "column")).append(' ').append(list(expected))
                .append(", your query returned ").append(actual.size()).append(' ').append(list(actual)).append('.');
        List<String> extra = minus(actual, expected);
        List<String> lacking = minus(expected, actual);
        if (actual.size() > expected.size() && lacking.isEmpty()) {
            out.append("\nRemove from your SELECT list: ").append(String.join(", ", extra)).append('.');
        } else if (actual.size() < expected.size() && extra.isEmpty()) {
            out.append("\nAdd to your SELECT list: ").append(String.join(", ", lacking)).append('.');
        } else {
            out.append("\nCheck your SELECT list: it should return exactly ")
                    .append(count(expected.size(), "column")).append('.');
        }
        return out.toString();
    }

    static String columnNames(List<String> expected, List<String> actual, Situation situation) {
        StringBuilder out = new StringBuilder();
        if (situation.stateAfterScript()) {
            return out.append("Afterwards the table's columns should be named ").append(list(expected))
                    .append("; they are named ").append(list(actual))
                    .append(".\nYour script renamed columns: it should change only the table's rows.").toString();
        }
        out.append("Column names differ. Expected ").append(list(expected))
                .append(", your query returned ").append(list(actual)).append('.');
        String wanted = null;
        for (int c = 0; c < expected.size(); c++) {
            if (!expected.get(c).equalsIgnoreCase(actual.get(c))) {
                out.append("\nColumn ").append(c + 1).append(" should be named ").append(expected.get(c))
                        .append(", yours is named ").append(actual.get(c)).append('.');
                if (wanted == null) {
                    wanted = expected.get(c);
                }
            }
        }
        if (sameNamesInAnyOrder(expected, actual)) {
            out.append("\nHint: you have the right columns in a different order; list them in the SELECT in the order ")
                    .append(list(expected)).append('.');
        } else {
            out.append("\nHint: name a column with an alias, for example COUNT(*) AS ").append(wanted).append('.');
        }
        return out.toString();
    }

    static String rowsDiffer(ResultTable expected, ResultTable actual, RowMatcher.BagDiff diff, RowMatcher matcher,
            CompareOptions options, Situation situation) {
        List<String> sections = new ArrayList<>();
        sections.add(situation.stateAfterScript() ? stateCountLine(expected, actual) : rowCountLine(expected, actual));
        if (!ResultComparator.sameNames(expected.columns(), actual.columns())
                && sameNamesInAnyOrder(expected.columns(), actual.columns())) {
            sections.add("Your columns are in a different order " + list(actual.columns()) + " than expected "
                    + list(expected.columns()) + ": list them in the SELECT in the expected order.");
        }
        String types = typeMismatch(expected, actual, situation);
        if (types != null) {
            sections.add(types);
        }
        int shown = options.maxRowsShown();
        // Without a required order the rows come in whatever order the server stores them, which changes with
        // vacuum and updates: sort them, so the same answer always shows the same first rows.
        boolean anyOrder = options.order() == CompareOptions.RowOrder.ANY;
        RowPairing.Result paired = RowPairing.pair(expected, actual,
                anyOrder ? sorted(diff.missing()) : diff.missing(),
                anyOrder ? sorted(diff.unexpected()) : diff.unexpected(), matcher);
        // The expected rows shown, whole or as their differing values, stay within maxRowsShown as before.
        int expectedShown = Math.min(shown, paired.pairs().size());
        if (!paired.pairs().isEmpty()) {
            sections.add(pairsSection(expected, paired, shown, situation));
        }
        boolean state = situation.stateAfterScript();
        if (!paired.unpairedMissing().isEmpty()) {
            sections.add(rowsSection("Missing", state ? "expected in the table but not there"
                    : "expected but not in your result", expected.columns(), paired.unpairedMissing(),
                    shown - expectedShown));
        }
        if (!paired.unpairedUnexpected().isEmpty()) {
            sections.add(rowsSection("Unexpected", state ? "in the table but not expected"
                    : "in your result but not expected", actual.columns(), paired.unpairedUnexpected(), shown));
        }
        String hint = situation.stateAfterScript() ? stateHint(diff, situation, types != null)
                : hint(expected, actual, diff, matcher, situation, types != null);
        if (hint != null) {
            sections.add("Hint: " + hint);
        }
        return String.join("\n\n", sections);
    }

    static String wrongOrder(ResultTable expected, ResultTable actual, int position, boolean reversed,
            CompareOptions options) {
        boolean byKeys = options.order() == CompareOptions.RowOrder.BY_KEYS;
        String keys = String.join(", ", options.keyColumns());
        StringBuilder out = new StringBuilder("Right rows, wrong order");
        out.append(byKeys ? " (ordered by " + keys + ")" : "").append(". The first difference is at row ")
                .append(position + 1).append(":\n");
        List<String> columns = new ArrayList<>();
        columns.add("row " + (position + 1));
        columns.addAll(expected.columns());
        List<Object> expectedRow = new ArrayList<>();
        expectedRow.add("expected");
        expectedRow.addAll(expected.rows().get(position));
        List<Object> actualRow = new ArrayList<>();
        actualRow.add("yours");
        actualRow.addAll(actual.rows().get(position));
        out.append(TableFormatter.format(columns, List.of(expectedRow, actualRow), 2)).append("\n\n");
        if (reversed) {
            out.append("Hint: your rows come in exactly the reverse order: swap ASC and DESC in your ORDER BY.");
        } else if (byKeys) {
            out.append("Hint: check your ORDER BY: sort by ").append(keys)
                    .append(", and check ASC vs DESC. Rows with equal ").append(keys).append(" may come in any order.");
        } else {
            out.append("Hint: check your ORDER BY: the right column(s), ASC vs DESC, and a tie-breaker column "
                    + "for rows with equal values.");
        }
        return out.toString();
    }

    private static String rowCountLine(ResultTable expected, ResultTable actual) {
        String line = "Expected " + count(expected.rowCount(), "row") + ", your query returned ";
        if (actual.truncated()) {
            return line + "more than " + actual.rowCount() + " (we stopped reading at " + actual.rowCount() + ").\n"
                    + "That many rows usually means a missing WHERE condition or a JOIN without its ON condition "
                    + "(every row paired with every other row).";
        }
        if (actual.rowCount() == expected.rowCount()) {
            return line + actual.rowCount() + ", but some values differ.";
        }
        return line + actual.rowCount() + ".";
    }

    /** Rows in a fixed order: column by column, NULL first, numbers by value, everything else by its text. */
    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = compareValues(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        return copy;
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return Values.toBigDecimal(x).compareTo(Values.toBigDecimal(y));
            } catch (NumberFormatException notFinite) {  // NaN and infinities of float columns
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String rowsSection(String title, String explanation, List<String> columns,
            List<List<Object>> rows, int shown) {
        String heading;
        if (shown <= 0) {
            return title + " rows (" + explanation + "): " + rows.size() + " more, not shown.";
        }
        if (rows.size() > shown) {
            heading = title + " rows (" + explanation + "), first " + shown + " of " + rows.size() + ":";
        } else if (rows.size() == 1) {
            heading = title + " row (" + explanation + "):";
        } else {
            heading = title + " rows (" + explanation + "):";
        }
        return heading + "\n" + TableFormatter.format(columns, rows.subList(0, Math.min(shown, rows.size())), shown);
    }

    /** The likely cause, when the shape of the difference suggests one. */
    private static String hint(ResultTable expected, ResultTable actual, RowMatcher.BagDiff diff, RowMatcher matcher,
            Situation situation, boolean typesNamed) {
        List<List<Object>> missing = diff.missing();
        List<List<Object>> unexpected = diff.unexpected();
        if (actual.truncated()) {
            return null; // the row count line already names the cause.
        }
        if (actual.rowCount() == 0 && situation.comparesWithNull()) {
            return "your query returned no rows, and it compares with NULL using = or <>. Such a comparison is "
                    + "never true, not even when the value is NULL: SQL has a separate test for NULL.";
        }
        if (actual.rowCount() == 0) {
            return "your query returned no rows: its WHERE (or JOIN) condition keeps none. Try each condition on its "
                    + "own to find the one that removes every row"
                    + (situation.mayCompareText() ? "; comparing text is case-sensitive ('Alice' is not 'alice')."
                    : ".");
        }
        if (situation.comparesWithNull() && !missing.isEmpty()) {
            return "your query compares with NULL using = or <>, which is never true, not even when the value is "
                    + "NULL: SQL has a separate test for NULL.";
        }
        if (!missing.isEmpty() && missing.size() == unexpected.size() && lookAlike(missing, unexpected)) {
            return typesNamed ? null : "some values look the same but have a different type (for example the text "
                    + "'1' and the number 1). Check casts (::) and the types of your columns.";
        }
        if (missing.isEmpty() && matcher.allOccurIn(unexpected, expected.rows())) {
            return "some rows appear more times in your result than expected. Duplicates usually come from a JOIN "
                    + "that matches a row more than once, or a missing DISTINCT.";
        }
        if (unexpected.isEmpty() && matcher.allOccurIn(missing, actual.rows())) {
            return "some rows appear fewer times in your result than expected. Did you use DISTINCT (or GROUP BY) "
                    + "where duplicates should stay?";
        }
        if (unexpected.isEmpty()) {
            return "some expected rows are missing. A WHERE condition may be too strict, or you may need "
                    + "a LEFT JOIN where you used an inner JOIN.";
        }
        if (missing.isEmpty()) {
            return "your result has extra rows. A WHERE or JOIN condition may be missing or too loose.";
        }
        return null;
    }

    /** The table's contents, not a query's result: the student ran a script, the grader read the table. */
    private static String stateCountLine(ResultTable expected, ResultTable actual) {
        if (actual.rowCount() == expected.rowCount()) {
            return "Afterwards the table holds " + count(actual.rowCount(), "row") + ", as it should, but some "
                    + "values differ.";
        }
        return "Afterwards the table should hold " + count(expected.rowCount(), "row") + "; it holds "
                + actual.rowCount() + (actual.rowCount() > expected.rowCount() ? " (too many)." : " (too few).");
    }

    /**
     * The likely cause when the state after the student's script differs: rows still there that should be gone
     * mean the script did too little (a condition too strict), rows gone that should stay mean it did too much.
     */
    private static String stateHint(RowMatcher.BagDiff diff, Situation situation, boolean typesNamed) {
        List<List<Object>> missing = diff.missing();
        List<List<Object>> unexpected = diff.unexpected();
        if (situation.comparesWithNull()) {
            return "your script compares with NULL using = or <>, which is never true, not even when the value is "
                    + "NULL: SQL has a separate test for NULL.";
        }
        if (!missing.isEmpty() && missing.size() == unexpected.size() && lookAlike(missing, unexpected)) {
            return typesNamed ? null : "some values look the same but have a different type. Check casts (::) "
                    + "and the types of your columns.";
        }
        String kind = situation.statementKind();
        if (missing.isEmpty()) {
            return switch (kind) {
                case "delete" -> "your DELETE removed too few rows: the Unexpected rows should be gone. Its condition "
                        + "is too strict, or its pattern misses some of them. Run it as a SELECT to see what it matches.";
                case "insert" -> "your script added rows it should not have (or added a row twice).";
                case "update" -> "your script left rows that should not be there; look at what it changes and "
                        + "what it leaves as it was.";
                default -> "rows are there that should not be after your script: it did too little (a condition "
                        + "too strict) or added rows too many.";
            };
        }
        if (unexpected.isEmpty()) {
            return switch (kind) {
                case "delete" -> "your DELETE removed rows it should have kept (the Missing rows): its condition "
                        + "is too loose. Run it as a SELECT to see what it matches.";
                case "insert" -> "a row your script should add is not there.";
                default -> "rows that should still be there are gone: your script did too much (a condition "
                        + "too loose).";
            };
        }
        if ("update".equals(kind)) {
            return "some rows do not have the values they should after your UPDATE. A row left as it was means the "
                    + "condition is too strict; a row changed that should not be means it is too loose; a column "
                    + "changed that the task does not mention means the SET list does too much.";
        }
        return null;
    }

    /** True when both row lists render identically: the difference is invisible, so it must be a type. */
    private static boolean lookAlike(List<List<Object>> a, List<List<Object>> b) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (List<Object> row : a) {
            counts.merge(rendered(row), 1, Integer::sum);
        }
        for (List<Object> row : b) {
            Integer left = counts.get(rendered(row));
            if (left == null) {
                return false;
            }
            if (left == 1) {
                counts.remove(rendered(row));
            } else {
                counts.put(rendered(row), left - 1);
            }
        }
        return counts.isEmpty();
    }

    private static List<String> rendered(List<Object> row) {
        List<String> out = new ArrayList<>(row.size());
        for (Object value : row) {
            out.add(TableFormatter.render(value));
        }
        return out;
    }

    /**
     * "Column 2 (created) of your result is date, the expected column is timestamp", for each column whose type can
     * never give an equal value, with what to do; null when the types are unknown or all compatible. Values of
     * different types can look identical in the tables below, so this is said first.
     */
    private static String typeMismatch(ResultTable expected, ResultTable actual, Situation situation) {
        if (expected.columnTypes().isEmpty() || actual.columnTypes().isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String cast = null;
        for (int c = 0; c < expected.columns().size(); c++) {
            String want = expected.columnTypes().get(c);
            String have = actual.columnTypes().get(c);
            if (!TypeNames.compatible(want, have)) {
                out.append("Column ").append(c + 1).append(" (").append(actual.columns().get(c)).append(") of ")
                        .append(situation.stateAfterScript() ? "the table" : "your result").append(" is ")
                        .append(TypeNames.readable(have)).append(", the expected column is ")
                        .append(TypeNames.readable(want)).append(".\n");
                cast = cast == null ? TypeNames.readable(want) : cast;
            }
        }
        if (cast == null) {
            return null;
        }
        return out.append("Values of different types are never equal, even when they look alike. ")
                .append(situation.stateAfterScript() ? "Check the column types your script sets."
                        : "Cast the value in your SELECT list to the expected type (for example "
                        + "<expression>::" + cast + ") or use a function that returns that type.").toString();
    }

    /**
     * The rows that are there with other values, as one line per differing value: the row's key, the column, the
     * expected and the actual value. At most {@code shown} rows, as the Missing table would show.
     */
    private static String pairsSection(ResultTable expected, RowPairing.Result paired, int shown,
            Situation situation) {
        int[] key = paired.keyColumns();
        List<String> columns = new ArrayList<>();
        for (int c : key) {
            columns.add(expected.columns().get(c));
        }
        columns.add("column");
        columns.add("expected");
        columns.add(situation.stateAfterScript() ? "now" : "yours");
        List<List<Object>> lines = new ArrayList<>();
        int notListed = 0;
        List<RowPairing.Pair> pairs = paired.pairs();
        for (RowPairing.Pair pair : pairs.subList(0, Math.min(shown, pairs.size()))) {
            List<Integer> differing = pair.differing();
            for (int c : differing.subList(0, Math.min(MAX_DIFFERING_COLUMNS_SHOWN, differing.size()))) {
                List<Object> line = new ArrayList<>();
                for (int k : key) {
                    line.add(pair.actual().get(k));
                }
                line.add(expected.columns().get(c));
                line.addAll(aroundFirstDifference(pair.expected().get(c), pair.actual().get(c)));
                lines.add(line);
            }
            notListed += Math.max(0, differing.size() - MAX_DIFFERING_COLUMNS_SHOWN);
        }
        StringBuilder heading = new StringBuilder(pairs.size() == 1 ? "A row" : count(pairs.size(), "row"))
                .append(pairs.size() == 1 ? " has" : " have").append(" other values than expected");
        if (key.length > 0) {
            heading.append(" (identified by ").append(String.join(", ", columns.subList(0, key.length))).append(')');
        }
        heading.append(pairs.size() > shown ? ", first " + shown + " of " + pairs.size() : "")
                .append("; only the values that differ:\n");
        String table = TableFormatter.format(columns, lines, lines.size());
        if (notListed > 0) {
            table += "\n… and " + notListed + " more differing " + (notListed == 1 ? "value" : "values")
                    + " in these rows, not shown";
        }
        return heading + table;
    }

    /**
     * The two values as shown: when both are long and alike up to past the width of a cell, both start a little
     * before their first difference ("…sit amet A" and "…sit amet B"), so the cut does not hide what differs.
     */
    private static List<Object> aroundFirstDifference(Object expected, Object actual) {
        String a = TableFormatter.render(expected);
        String b = TableFormatter.render(actual);
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        if (common < TableFormatter.MAX_CELL_WIDTH - LEAD_BEFORE_DIFFERENCE
                || Character.isLowSurrogate(a.charAt(common - LEAD_BEFORE_DIFFERENCE))) {
            return Arrays.asList(expected, actual);
        }
        int from = common - LEAD_BEFORE_DIFFERENCE;
        return List.of("…" + a.substring(from), "…" + b.substring(from));
    }

    private static boolean sameNamesInAnyOrder(List<String> expected, List<String> actual) {
        return expected.size() == actual.size() && minus(expected, actual).isEmpty()
                && minus(actual, expected).isEmpty();
    }

    /** The names in {@code a} that are not in {@code b}, case-insensitively, counting repeats. */
    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>();
        for (String name : b) {
            rest.add(name.toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        for (String name : a) {
            if (!rest.remove(name.toLowerCase(Locale.ROOT))) {
                out.add(name);
            }
        }
        return out;
    }

    private static String list(List<String> names) {
        return "(" + String.join(", ", names) + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
