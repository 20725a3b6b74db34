package dev.pglabs.comparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the messages a student reads. Short sentences, the data that differs shown as tables,
 * and a hint about the usual cause of that kind of mistake.
 */
final class Feedback {

    /** Types that compare by value with each other, so a difference between them is never the problem. */
    private static final Set<String> NUMERIC_TYPES = Set.of("int2", "int4", "int8", "oid", "numeric", "float4", "float8");

    private Feedback() {
    }

    static String columnCount(List<String> expected, List<String> actual) {
        StringBuilder out = new StringBuilder();
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

    static String columnNames(List<String> expected, List<String> actual) {
        StringBuilder out = new StringBuilder();
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
        int shown = options.maxRowsShown();
        // Without a required order the rows come in whatever order the server stores them, which changes with
        // vacuum and updates: sort them, so the same answer always shows the same first rows.
        boolean anyOrder = options.order() == CompareOptions.RowOrder.ANY;
        if (!diff.missing().isEmpty()) {
            sections.add(rowsSection("Missing", "expected but not in your result", expected.columns(),
                    anyOrder ? sorted(diff.missing()) : diff.missing(), shown));
        }
        if (!diff.unexpected().isEmpty()) {
            sections.add(rowsSection("Unexpected", "in your result but not expected", actual.columns(),
                    anyOrder ? sorted(diff.unexpected()) : diff.unexpected(), shown));
        }
        String hint = situation.stateAfterScript() ? stateHint(expected, actual, diff, situation)
                : hint(expected, actual, diff, matcher, situation);
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
            Situation situation) {
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
            return "some values look the same but have a different type (for example the text '1' and the number 1)"
                    + typeDifferences(expected, actual) + ". Check casts (::) and the types of your columns.";
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

    private static String stateCountLine(ResultTable expected, ResultTable actual) {
        if (actual.rowCount() == expected.rowCount()) {
            return "Expected " + count(expected.rowCount(), "row") + " afterwards, and there are "
                    + actual.rowCount() + ", but some values differ.";
        }
        return "Expected " + count(expected.rowCount(), "row") + " afterwards, there are " + actual.rowCount()
                + (actual.rowCount() > expected.rowCount() ? " (too many)." : " (too few).");
    }

    /**
     * The likely cause when the state after the student's script differs: rows still there that should be gone
     * mean the script did too little (a condition too strict), rows gone that should stay mean it did too much.
     */
    private static String stateHint(ResultTable expected, ResultTable actual, RowMatcher.BagDiff diff,
            Situation situation) {
        List<List<Object>> missing = diff.missing();
        List<List<Object>> unexpected = diff.unexpected();
        if (situation.comparesWithNull()) {
            return "your script compares with NULL using = or <>, which is never true, not even when the value is "
                    + "NULL: SQL has a separate test for NULL.";
        }
        if (!missing.isEmpty() && missing.size() == unexpected.size() && lookAlike(missing, unexpected)) {
            return "some values look the same but have a different type" + typeDifferences(expected, actual)
                    + ". Check casts (::) and the types of your columns.";
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
            return "some rows do not have the values they should: a Missing row shows what a row should look like "
                    + "after your UPDATE, an Unexpected row what it looks like now. A row left as it was means the "
                    + "condition is too strict; a row changed that should not be means it is too loose.";
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

    /** ", e.g. column total is numeric in the expected result but text in yours", when the types are known. */
    private static String typeDifferences(ResultTable expected, ResultTable actual) {
        if (expected.columnTypes().isEmpty() || actual.columnTypes().isEmpty()) {
            return "";
        }
        for (int c = 0; c < expected.columns().size(); c++) {
            String e = expected.columnTypes().get(c).toLowerCase(Locale.ROOT);
            String a = actual.columnTypes().get(c).toLowerCase(Locale.ROOT);
            if (!e.equals(a) && !(NUMERIC_TYPES.contains(e) && NUMERIC_TYPES.contains(a))) {
                return ": column " + expected.columns().get(c) + " is " + e + " in the expected result but " + a
                        + " in yours";
            }
        }
        return "";
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
