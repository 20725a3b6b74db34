package dev.pglabs.comparison;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs each missing row with the unexpected row that is the same row with other values: same key, and most other
 * columns equal. An UPDATE that set one column wrongly in a wide table then reads as "row 7: status is draft,
 * expected archived" instead of two full-width tables.
 *
 * <p>The key is what identifies a row in both results: the first column whose values are unique (and not NULL) in
 * each, else the first two columns together. A one-row result needs no key.
 */
final class RowPairing {

    /** A missing (expected) row and the student's row with the same key, and the columns where they differ. */
    record Pair(List<Object> expected, List<Object> actual, List<Integer> differing) {
    }

    /** The pairs, in the order of the missing rows, and the rows of either side that found no partner. */
    record Result(int[] keyColumns, List<Pair> pairs, List<List<Object>> unpairedMissing,
                  List<List<Object>> unpairedUnexpected) {
    }

    private RowPairing() {
    }

    static Result pair(ResultTable expected, ResultTable actual, List<List<Object>> missing,
            List<List<Object>> unexpected, RowMatcher matcher) {
        int[] key = expected.rowCount() == 1 && actual.rowCount() == 1 ? new int[0] : keyColumns(expected, actual,
                matcher);
        if (key == null) {
            return new Result(new int[0], List.of(), missing, unexpected);
        }
        Map<List<Object>, List<Object>> byKey = new HashMap<>();
        for (List<Object> row : unexpected) {
            byKey.put(keyOf(row, key, matcher), row);
        }
        Set<List<Object>> taken = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        List<List<Object>> unpairedMissing = new ArrayList<>();
        for (List<Object> row : missing) {
            List<Object> partner = byKey.get(keyOf(row, key, matcher));
            List<Integer> differing = partner == null ? List.of() : differing(row, partner, matcher);
            if (partner != null && mostlyAlike(differing.size(), row.size() - key.length)) {
                pairs.add(new Pair(row, partner, differing));
                taken.add(keyOf(row, key, matcher));
            } else {
                unpairedMissing.add(row);
            }
        }
        List<List<Object>> unpairedUnexpected = new ArrayList<>();
        for (List<Object> row : unexpected) {
            if (!taken.contains(keyOf(row, key, matcher))) {
                unpairedUnexpected.add(row);
            }
        }
        return new Result(key, pairs, unpairedMissing, unpairedUnexpected);
    }

    /** At most half of the other columns differ (one, when there is only one): otherwise it is another row. */
    private static boolean mostlyAlike(int differing, int otherColumns) {
        return differing > 0 && differing <= Math.max(1, otherColumns / 2);
    }

    private static List<Integer> differing(List<Object> a, List<Object> b, RowMatcher matcher) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < a.size(); c++) {
            if (!matcher.equal(a, b, new int[] {c})) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first unique column, else the first two columns; null when neither identifies the rows. */
    private static int[] keyColumns(ResultTable expected, ResultTable actual, RowMatcher matcher) {
        int n = expected.columns().size();
        for (int c = 0; c < n; c++) {
            int[] key = {c};
            if (n > 1 && unique(expected, key, matcher) && unique(actual, key, matcher)) {
                return key;
            }
        }
        int[] firstTwo = {0, 1};
        if (n > 2 && unique(expected, firstTwo, matcher) && unique(actual, firstTwo, matcher)) {
            return firstTwo;
        }
        return null;
    }

    private static boolean unique(ResultTable table, int[] key, RowMatcher matcher) {
        Set<List<Object>> seen = new HashSet<>();
        for (List<Object> row : table.rows()) {
            List<Object> k = keyOf(row, key, matcher);
            if (k.contains(null) || !seen.add(k)) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> keyOf(List<Object> row, int[] key, RowMatcher matcher) {
        List<Object> normalised = matcher.key(row);
        List<Object> out = new ArrayList<>(key.length);
        for (int c : key) {
            out.add(normalised.get(c));
        }
        return out;
    }
}
