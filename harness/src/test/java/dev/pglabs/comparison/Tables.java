package dev.pglabs.comparison;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short builders so each test shows its data at a glance: {@code table("id, name", row(1, "alice"))}. */
final class Tables {

    private Tables() {
    }

    static ResultTable table(String columns, Object[]... rows) {
        return ResultTable.of(columns(columns), rows(rows));
    }

    static ResultTable typedTable(String columns, String types, Object[]... rows) {
        return ResultTable.of(columns(columns), columns(types), rows(rows));
    }

    static Object[] row(Object... values) {
        return values;
    }

    static List<String> columns(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(",\\s*"));
    }

    static List<List<Object>> rows(Object[]... rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(Arrays.asList(row)); // Arrays.asList allows null, i.e. SQL NULL.
        }
        return out;
    }
}
