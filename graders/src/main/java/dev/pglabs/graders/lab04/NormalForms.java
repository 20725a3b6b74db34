package dev.pglabs.graders.lab04;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.FunctionalDependencies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.pglabs.graders.lab04.Wording.words;

/** Check 02's analysis of one loaded table: the functional dependencies that break 2NF or 3NF, in words. */
final class NormalForms {

    private NormalForms() {
    }

    /**
     * The functional dependencies of one table that break 2NF or 3NF, found in its rows: a column outside every
     * key whose value is determined by part of the key (partial) or by a non-key column (transitive), where the
     * determinant repeats, so the value is stored again on every row that repeats it.
     */
    static List<String> problems(String table, List<String> tables, CatalogInspector catalog,
                                                   FunctionalDependencies fds) {
        List<String> columns = catalog.columns(table).stream().map(CatalogInspector.Column::name).toList();
        Optional<CatalogInspector.Key> declared = catalog.primaryKey(table);
        // A declared key bigger than needed (order_id, product_sku, customer_name) is reduced to what the data
        // needs: the extra columns are not part of the key and can depend on the rest.
        List<String> key = declared.map(k -> fds.minimalUniqueSubset(table, k.columns())).orElse(List.of());
        Set<String> prime = new LinkedHashSet<>(key);
        for (CatalogInspector.Key unique : catalog.uniqueKeys(table)) {
            prime.addAll(fds.minimalUniqueSubset(table, unique.columns()));
        }
        List<String> nonPrime = columns.stream().filter(c -> !prime.contains(c)).toList();
        if (nonPrime.isEmpty()) {
            return List.of();
        }

        // Determinants: parts of the key first (partial dependencies), then single columns in table order.
        List<List<String>> determinants = new ArrayList<>();
        for (List<String> part : properSubsets(key)) {
            determinants.add(part);
        }
        for (String column : columns) {
            List<String> single = List.of(column);
            if (!determinants.contains(single) && !single.equals(key)) {
                determinants.add(single);
            }
        }
        Map<List<String>, FunctionalDependencies.Determination> found = new LinkedHashMap<>();
        for (List<String> determinant : determinants) {
            FunctionalDependencies.Determination d = fds.determination(table, determinant, columns);
            if (d.repeats()) {
                found.put(determinant, d);
            }
        }

        List<String> problems = new ArrayList<>();
        List<FunctionalDependencies.Determination> reported = new ArrayList<>();
        for (FunctionalDependencies.Determination d : found.values()) {
            List<String> x = d.determinant();
            // The same determinant under another name (customer_email next to customer_id): say it once.
            if (reported.stream().anyMatch(r -> equivalent(r, d))) {
                continue;
            }
            List<String> dependents = new ArrayList<>();
            for (String c : d.determined()) {
                if (!nonPrime.contains(c) || x.contains(c) || isReachedThroughAnother(c, d, found)) {
                    continue;
                }
                dependents.add(c);
            }
            if (dependents.isEmpty()) {
                continue;
            }
            reported.add(d);
            problems.add(describe(table, key, declared.isPresent(), d, dependents, tables, catalog, fds));
        }
        return problems;
    }

    /** X and Y determine each other: two names for the same thing (a customer's id and email). */
    private static boolean equivalent(FunctionalDependencies.Determination a, FunctionalDependencies.Determination b) {
        return b.determined().containsAll(a.determinant()) && a.determined().containsAll(b.determinant());
    }

    /**
     * Whether c depends on X only through another determinant Y (X → Y → c, and Y does not determine X): then
     * c is reported under Y (order_id → customer_id → customer_name is reported as customer_id → customer_name).
     */
    private static boolean isReachedThroughAnother(String c, FunctionalDependencies.Determination x,
                                                   Map<List<String>, FunctionalDependencies.Determination> found) {
        List<List<String>> order = new ArrayList<>(found.keySet());
        for (FunctionalDependencies.Determination y : found.values()) {
            if (y == x || y.determinant().size() != 1 || x.determinant().containsAll(y.determinant())) {
                continue;
            }
            String yColumn = y.determinant().get(0);
            if (yColumn.equals(c)) {
                continue;
            }
            FunctionalDependencies.Determination ofC = found.get(List.of(c));
            if (ofC != null && ofC.determines(yColumn) && order.indexOf(y.determinant()) > order.indexOf(List.of(c))) {
                continue;  // Y is c under another name, and c comes first: c is reported, with Y among its dependents
            }
            boolean xToY = x.determined().contains(yColumn);
            boolean yToX = y.determined().containsAll(x.determinant());
            if (xToY && !yToX && y.determined().contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(String table, List<String> key, boolean hasPrimaryKey,
                                   FunctionalDependencies.Determination d, List<String> dependents,
                                   List<String> tables, CatalogInspector catalog, FunctionalDependencies fds) {
        List<String> x = d.determinant();
        String xText = x.size() == 1 ? x.get(0) : "(" + String.join(", ", x) + ")";
        String keyText = key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")";
        boolean partial = !key.isEmpty() && key.containsAll(x);
        String verb = dependents.size() == 1 ? " depends on " : " depend on ";
        StringBuilder sb = new StringBuilder("In ").append(table).append(", ").append(words(dependents)).append(verb);
        if (partial) {
            sb.append(xText).append(" alone, which is only part of the key ").append(keyText)
                    .append(". That is a partial dependency, which second normal form (2NF) forbids.");
        } else if (hasPrimaryKey) {
            sb.append(xText).append(", which is not a key of ").append(table).append(" (its key is ").append(keyText)
                    .append("). That is a transitive dependency, ").append(keyText).append(" → ").append(xText)
                    .append(" → ").append(dependents.get(0)).append(", which third normal form (3NF) forbids.");
        } else {
            sb.append(xText).append(", which is not a key of ").append(table).append(" (it has no primary key).");
        }
        fds.example(table, x, dependents.get(0)).ifPresent(e -> sb.append(" For example, ").append(xText)
                .append(" = ").append(String.join(", ", e.determinantValues())).append(" is on ").append(e.rows())
                .append(" rows of ").append(table).append(", each time with ").append(dependents.get(0))
                .append(" = '").append(e.dependentValue()).append("': the same fact stored ").append(e.rows())
                .append(" times."));
        sb.append(" Move ").append(dependents.size() == 1 ? "it" : "them").append(' ')
                .append(destination(table, x, dependents.size() == 1, tables, catalog)).append('.');
        return sb.toString();
    }

    /** Where the dependent columns belong: the table whose key is the determinant, if the student has one. */
    private static String destination(String table, List<String> x, boolean one, List<String> tables,
                                      CatalogInspector catalog) {
        for (String other : tables) {
            boolean keyedByX = catalog.primaryKey(other).map(k -> Set.copyOf(k.columns()).equals(Set.copyOf(x)))
                    .orElse(false);
            if (!other.equals(table) && keyedByX) {
                return "to " + other + ", whose key is " + String.join(", ", x);
            }
        }
        if (x.size() == 1) {
            for (CatalogInspector.ForeignKey fk : catalog.foreignKeys(table)) {
                if (fk.columns().equals(x) && tables.contains(fk.referencedTable())) {
                    return "to " + fk.referencedTable() + ", the table " + x.get(0) + " refers to";
                }
            }
        }
        String xText = x.size() == 1 ? x.get(0) : "(" + String.join(", ", x) + ")";
        return "to a table of " + (one ? "its" : "their") + " own whose key is " + xText + ", and keep only " + xText
                + " in " + table + " to refer to it";
    }

    /** The non-empty proper subsets of a key with two or more columns, smallest first. */
    private static List<List<String>> properSubsets(List<String> key) {
        List<List<String>> subsets = new ArrayList<>();
        int n = key.size();
        if (n < 2 || n > 6) {
            return subsets;
        }
        for (int size = 1; size < n; size++) {
            for (int mask = 1; mask < (1 << n) - 1; mask++) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(key.get(i));
                    }
                }
                subsets.add(List.copyOf(subset));
            }
        }
        return subsets;
    }
}
