package dev.pglabs.graders.lab04;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.TableSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab04.Lab04NormalizationGrader.LOAD;
import static dev.pglabs.graders.lab04.Wording.count;

/** Check 02's design-independent test: each customer's email and each product's name sits in exactly one row. */
final class StoredOnce {

    private StoredOnce() {
    }

    /**
     * Each thing's value (a customer's email, a product's name) must be held by exactly one row of the student's
     * tables: zero means it is not stored as a value of its own (not atomic), more means it is repeated.
     */
    static List<String> problems(TableSnapshot snapshot, ResultTable flat, String idColumn,
                                           String valueColumn, String thing) {
        int id = flat.columns().indexOf(idColumn);
        int value = flat.columns().indexOf(valueColumn);
        Map<String, String> values = new LinkedHashMap<>();
        for (List<Object> row : flat.rows()) {
            values.putIfAbsent(String.valueOf(row.get(id)), String.valueOf(row.get(value)));
        }
        Map<String, List<TableSnapshot.Row>> holders = new LinkedHashMap<>();
        values.forEach((key, v) -> holders.put(key, snapshot.rowsHolding(v)));
        List<String> missing = holders.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        List<String> problems = new ArrayList<>();
        if (missing.size() >= 2 && missing.size() * 2 > values.size()) {
            // Most are absent: the load did not read them (values copied from other data), or stored them mangled.
            String first = missing.get(0);
            problems.add(missing.size() + " of the " + count(values.size(), thing) + " in orders_flat are not in "
                    + "your tables: no column holds their " + valueColumn + " (for example " + thing + " " + first
                    + ", '" + values.get(first) + "'). Does " + LOAD + " read them from orders_flat? (Checks also "
                    + "run on other data than the one you see: values copied into your script are not there.) And "
                    + "is each " + valueColumn + " stored as it is, in a column of its own?");
            return problems;
        }
        int more = 0;
        for (Map.Entry<String, List<TableSnapshot.Row>> e : holders.entrySet()) {
            List<TableSnapshot.Row> rows = e.getValue();
            if (rows.size() == 1) {
                continue;
            }
            if (problems.size() == 2) {
                more++;
                continue;
            }
            String what = "The " + valueColumn + " of " + thing + " " + e.getKey() + " ('" + values.get(e.getKey())
                    + "')";
            if (rows.isEmpty()) {
                problems.add(what + " is not the value of any column of your tables. Store it as it is, in a column "
                        + "of its own (first normal form: one value per column), in the " + thing + "'s table.");
            } else {
                Map<String, Long> perTable = rows.stream().collect(Collectors.groupingBy(TableSnapshot.Row::table,
                        LinkedHashMap::new, Collectors.counting()));
                problems.add(what + " is stored in " + rows.size() + " rows ("
                        + perTable.entrySet().stream().map(t -> t.getKey() + ": " + t.getValue())
                        .collect(Collectors.joining(", ")) + "). Store it once, in the " + thing + "'s row.");
            }
        }
        if (more > 0) {
            problems.add("… and " + count(more, thing) + " more like these.");
        }
        return problems;
    }
}
