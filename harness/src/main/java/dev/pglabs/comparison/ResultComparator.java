package dev.pglabs.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Compares a student's result with the reference result. Checks go from the coarsest mistake
 * to the finest (column count, column names, rows, row order) so the feedback names the first
 * thing the student should fix rather than a cascade of consequences.
 */
public final class ResultComparator {

    private ResultComparator() {
    }

    public static Comparison compare(ResultTable expected, ResultTable actual, CompareOptions options) {
        return compare(expected, actual, options, Situation.QUERY);
    }

    /** As {@link #compare(ResultTable, ResultTable, CompareOptions)}, with hints that fit the situation. */
    public static Comparison compare(ResultTable expected, ResultTable actual, CompareOptions options,
            Situation situation) {
        if (expected.columns().size() != actual.columns().size()) {
            return new Comparison(Comparison.Kind.COLUMN_COUNT,
                    Feedback.columnCount(expected.columns(), actual.columns(), situation), List.of(), List.of(),
                    situation);
        }
        if (options.checkColumnNames() && !sameNames(expected.columns(), actual.columns())) {
            return new Comparison(Comparison.Kind.COLUMN_NAMES,
                    Feedback.columnNames(expected.columns(), actual.columns(), situation), List.of(), List.of(),
                    situation);
        }
        int[] orderColumns = orderColumns(expected, options);

        RowMatcher matcher = new RowMatcher(expected, actual);
        RowMatcher.BagDiff diff = matcher.diff(expected.rows(), actual.rows());
        if (!diff.same()) {
            return new Comparison(Comparison.Kind.ROWS_DIFFER,
                    Feedback.rowsDiffer(expected, actual, diff, matcher, options, situation), diff.missing(),
                    diff.unexpected(), situation);
        }
        if (orderColumns.length > 0) {
            int position = firstOrderDifference(expected.rows(), actual.rows(), orderColumns, matcher);
            if (position >= 0) {
                boolean reversed = isReversed(expected.rows(), actual.rows(), orderColumns, matcher);
                return new Comparison(Comparison.Kind.WRONG_ORDER,
                        Feedback.wrongOrder(expected, actual, position, reversed, options), List.of(), List.of(),
                        situation);
            }
        }
        return Comparison.match();
    }

    static boolean sameNames(List<String> expected, List<String> actual) {
        for (int c = 0; c < expected.size(); c++) {
            if (!expected.get(c).equalsIgnoreCase(actual.get(c))) {
                return false;
            }
        }
        return true;
    }

    /** The columns whose order is checked: none, all, or the orderedBy keys (found by name in the expected result). */
    private static int[] orderColumns(ResultTable expected, CompareOptions options) {
        switch (options.order()) {
            case EXACT: {
                int[] all = new int[expected.columns().size()];
                Arrays.setAll(all, c -> c);
                return all;
            }
            case BY_KEYS: {
                int[] keys = new int[options.keyColumns().size()];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = indexOf(expected.columns(), options.keyColumns().get(k));
                }
                return keys;
            }
            default:
                return new int[0];
        }
    }

    private static int indexOf(List<String> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        // A mistake in the grader, not the student's: fail loudly.
        throw new IllegalArgumentException("orderedBy key column '" + name + "' is not a column of the expected result "
                + "(" + String.join(", ", columns) + ")");
    }

    private static int firstOrderDifference(List<List<Object>> expected, List<List<Object>> actual, int[] columns,
            RowMatcher matcher) {
        for (int i = 0; i < expected.size(); i++) {
            if (!matcher.equal(expected.get(i), actual.get(i), columns)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isReversed(List<List<Object>> expected, List<List<Object>> actual, int[] columns,
            RowMatcher matcher) {
        int n = expected.size();
        List<List<Object>> reversed = new ArrayList<>(actual);
        Collections.reverse(reversed);
        return n > 1 && firstOrderDifference(expected, reversed, columns, matcher) < 0;
    }
}
