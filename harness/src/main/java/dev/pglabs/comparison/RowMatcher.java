package dev.pglabs.comparison;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Row equality and the bag (multiset) difference of two row lists. Knows which columns are
 * floating, because all their values get the tolerance (a numeric value gets it when it is cut, see {@link Values}).
 */
final class RowMatcher {

    /** Bounds the tolerance fallback (see {@link #diff}) so a badly wrong 10k-row result stays fast. */
    private static final long MAX_PAIRWISE_CHECKS = 1_000_000L;

    /** Rows of the expected result not matched in the actual one, and actual rows not matched in the expected one. */
    record BagDiff(List<List<Object>> missing, List<List<Object>> unexpected) {
        boolean same() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    private final boolean[] floating;
    /** Some value compares with the tolerance, so rows equal within it may have different keys. */
    private final boolean approximate;

    /** Both tables must have the same number of columns. */
    RowMatcher(ResultTable expected, ResultTable actual) {
        int n = expected.columns().size();
        floating = new boolean[n];
        boolean any = false;
        for (int c = 0; c < n; c++) {
            floating[c] = isFloating(expected, c) || isFloating(actual, c);
            any |= floating[c] || holdsCutNumeric(expected, c) || holdsCutNumeric(actual, c);
        }
        approximate = any;
    }

    private static boolean holdsCutNumeric(ResultTable table, int column) {
        for (List<Object> row : table.rows()) {
            if (Values.isCutNumeric(row.get(column))) {
                return true;
            }
        }
        return false;
    }

    /** A column is floating if either side declares a float type or holds a Double/Float value. */
    private static boolean isFloating(ResultTable table, int column) {
        if (!table.columnTypes().isEmpty() && Values.isFloatingType(table.columnTypes().get(column))) {
            return true;
        }
        for (List<Object> row : table.rows()) {
            if (Values.isFloatingValue(row.get(column))) {
                return true;
            }
        }
        return false;
    }

    List<Object> key(List<Object> row) {
        Object[] key = new Object[row.size()];
        for (int c = 0; c < key.length; c++) {
            key[c] = Values.key(row.get(c), floating[c]);
        }
        return Arrays.asList(key);
    }

    boolean equal(List<Object> a, List<Object> b, int[] columns) {
        for (int c : columns) {
            if (!Values.equal(a.get(c), b.get(c), floating[c])) {
                return false;
            }
        }
        return true;
    }

    boolean equal(List<Object> a, List<Object> b) {
        return equal(a, b, allColumns());
    }

    int[] allColumns() {
        int[] all = new int[floating.length];
        Arrays.setAll(all, c -> c);
        return all;
    }

    /**
     * Counts rows by normalised key, so it is linear in the number of rows. Rows that only match
     * within the floating tolerance (their rounded keys fell on either side of a rounding boundary)
     * are paired up afterwards, one by one.
     */
    BagDiff diff(List<List<Object>> expected, List<List<Object>> actual) {
        Map<List<Object>, Deque<Integer>> pending = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            pending.computeIfAbsent(key(expected.get(i)), k -> new ArrayDeque<>()).add(i);
        }
        boolean[] matched = new boolean[expected.size()];
        List<List<Object>> unexpected = new ArrayList<>();
        for (List<Object> row : actual) {
            Deque<Integer> candidates = pending.get(key(row));
            if (candidates != null && !candidates.isEmpty()) {
                matched[candidates.poll()] = true;
            } else {
                unexpected.add(row);
            }
        }
        List<List<Object>> missing = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!matched[i]) {
                missing.add(expected.get(i)); // in the expected order, so the feedback reads naturally.
            }
        }
        if (approximate && (long) missing.size() * unexpected.size() <= MAX_PAIRWISE_CHECKS) {
            pairWithinTolerance(missing, unexpected);
        }
        return new BagDiff(missing, unexpected);
    }

    private void pairWithinTolerance(List<List<Object>> missing, List<List<Object>> unexpected) {
        Iterator<List<Object>> it = missing.iterator();
        while (it.hasNext() && !unexpected.isEmpty()) {
            List<Object> row = it.next();
            for (int u = 0; u < unexpected.size(); u++) {
                if (equal(row, unexpected.get(u))) {
                    unexpected.remove(u);
                    it.remove();
                    break;
                }
            }
        }
    }

    /** True when every row of {@code rows} also occurs (at least once) in {@code in}. */
    boolean allOccurIn(List<List<Object>> rows, List<List<Object>> in) {
        Set<List<Object>> keys = new HashSet<>();
        for (List<Object> row : in) {
            keys.add(key(row));
        }
        for (List<Object> row : rows) {
            if (!keys.contains(key(row))) {
                return false;
            }
        }
        return true;
    }
}
