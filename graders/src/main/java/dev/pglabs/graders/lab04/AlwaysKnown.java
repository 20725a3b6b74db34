package dev.pglabs.graders.lab04;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.TableSnapshot;

import java.util.ArrayList;
import java.util.List;

import static dev.pglabs.graders.lab04.Wording.count;

/**
 * Check 01b's test: a column the load fills on every row holds a value that is always known (orders_flat has no
 * empty field), so it must be declared NOT NULL. Foreign key columns are left to check 01, which already asks for
 * NOT NULL on them. The feedback names the table, not the column: finding it is the exercise.
 */
final class AlwaysKnown {

    private AlwaysKnown() {
    }

    static List<String> problems(CatalogInspector catalog, TableSnapshot loaded, List<String> tables) {
        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            List<TableSnapshot.Row> rows = loaded.rows(table);
            if (rows.isEmpty()) {
                continue;  // an empty table proves nothing about its columns (check 02 reports it)
            }
            List<String> foreign = catalog.foreignKeys(table).stream().flatMap(fk -> fk.columns().stream()).toList();
            long nullable = catalog.columns(table).stream()
                    .filter(c -> !c.notNull() && !foreign.contains(c.name()))
                    .filter(c -> rows.stream().allMatch(r -> r.values().get(c.name()) != null))
                    .count();
            if (nullable > 0) {
                problems.add(table + " has " + count(nullable, "column") + " that may be NULL although "
                        + "every row of " + table + " gets a value there, as every line of orders_flat has one. "
                        + "A value that is always known is declared NOT NULL, so that PostgreSQL refuses a row "
                        + "without it.");
            }
        }
        return problems;
    }
}
