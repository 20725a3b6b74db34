package dev.pglabs.comparison;

import java.util.List;

/**
 * How an exercise wants its result compared. Start from {@link #unordered()}, {@link #ordered()}
 * or {@link #orderedBy(String...)}, then refine: {@code CompareOptions.ordered().withColumnNames()}.
 *
 * @param order            which row order the exercise requires
 * @param keyColumns       for {@link RowOrder#BY_KEYS}: the columns whose order matters
 * @param checkColumnNames whether column names must match (case-insensitively, in order)
 * @param maxRowsShown     how many rows each table in the feedback shows at most
 */
public record CompareOptions(RowOrder order, List<String> keyColumns, boolean checkColumnNames, int maxRowsShown) {

    public static final int DEFAULT_MAX_ROWS_SHOWN = 5;

    public enum RowOrder {
        /** Any order; rows compare as a bag, so duplicates count. */
        ANY,
        /** Every row at the same position as in the expected result. */
        EXACT,
        /** The sequence of key values must match; rows with equal keys (ties) may come in any order. */
        BY_KEYS
    }

    public CompareOptions {
        if (order == null) {
            throw new IllegalArgumentException("order is required");
        }
        keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
        if (order == RowOrder.BY_KEYS && keyColumns.isEmpty()) {
            throw new IllegalArgumentException("orderedBy needs at least one key column");
        }
        if (order != RowOrder.BY_KEYS && !keyColumns.isEmpty()) {
            throw new IllegalArgumentException("key columns only make sense with orderedBy");
        }
        if (maxRowsShown < 1) {
            throw new IllegalArgumentException("maxRowsShown must be at least 1, was " + maxRowsShown);
        }
    }

    /** Bag semantics: order is free, but duplicates count (two identical rows expected means two). */
    public static CompareOptions unordered() {
        return new CompareOptions(RowOrder.ANY, List.of(), false, DEFAULT_MAX_ROWS_SHOWN);
    }

    /** For exercises with an ORDER BY that fully decides the order. */
    public static CompareOptions ordered() {
        return new CompareOptions(RowOrder.EXACT, List.of(), false, DEFAULT_MAX_ROWS_SHOWN);
    }

    /**
     * For an ORDER BY that leaves ties: only the order of these columns' values is checked,
     * so a correct query is not failed for ordering tied rows differently from the reference.
     */
    public static CompareOptions orderedBy(String... keyColumns) {
        return new CompareOptions(RowOrder.BY_KEYS, List.of(keyColumns), false, DEFAULT_MAX_ROWS_SHOWN);
    }

    /** The exercise names its columns: names must match case-insensitively, in order. */
    public CompareOptions withColumnNames() {
        return new CompareOptions(order, keyColumns, true, maxRowsShown);
    }

    public CompareOptions maxRowsShown(int rows) {
        return new CompareOptions(order, keyColumns, checkColumnNames, rows);
    }
}
