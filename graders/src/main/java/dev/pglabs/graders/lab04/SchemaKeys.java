package dev.pglabs.graders.lab04;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.FunctionalDependencies;
import dev.pglabs.grading.Problems;
import dev.pglabs.submission.SqlAnswer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab04.Lab04NormalizationGrader.LOAD;
import static dev.pglabs.graders.lab04.Wording.count;
import static dev.pglabs.graders.lab04.Wording.singular;

/**
 * What check 01 finds wrong with the keys of the student's schema, read from the catalog right after 01-schema.sql:
 * a table per kind of thing, a primary key on each, foreign keys (NOT NULL) wherever a column holds another table's
 * key, all tables linked, and no rows yet.
 */
final class SchemaKeys {

    /** The tables the flat lines describe; a 3NF design needs at least one table for each. */
    private static final int KINDS_OF_THINGS = 4;

    private SchemaKeys() {
    }

    static Problems problems(Workbench bench, SqlAnswer schema, List<String> tables) {
        CatalogInspector catalog = bench.catalog;
        Problems problems = new Problems();
        if (tables.size() < KINDS_OF_THINGS) {
            problems.add("Your schema has " + count(tables.size(), "table") + " (" + String.join(", ", tables)
                    + "). The flat lines describe four kinds of things (customers, products, orders and the "
                    + "lines of an order), and each needs a table of its own with its own key.");
        }
        Map<String, Optional<CatalogInspector.Key>> primaryKeys = new LinkedHashMap<>();
        for (String table : tables) {
            Optional<CatalogInspector.Key> pk = catalog.primaryKey(table);
            primaryKeys.put(table, pk);
            if (pk.isEmpty()) {
                problems.add(table + " has no PRIMARY KEY. Which column (or columns) identify one row of "
                        + table + "? Declare them as its primary key.");
            }
        }

        Map<String, List<CatalogInspector.ForeignKey>> foreignKeys = new LinkedHashMap<>();
        for (String table : tables) {
            foreignKeys.put(table, catalog.foreignKeys(table).stream()
                    .filter(fk -> tables.contains(fk.referencedTable())).toList());
        }
        // A column named after another table's key must refer to that table.
        for (String table : tables) {
            for (CatalogInspector.Column column : catalog.columns(table)) {
                for (String other : tables) {
                    if (other.equals(table)) {
                        continue;
                    }
                    Optional<CatalogInspector.Key> otherKey = primaryKeys.get(other);
                    if (otherKey.isEmpty() || otherKey.get().columns().size() != 1) {
                        continue;
                    }
                    String key = otherKey.get().columns().get(0);
                    if (referenceNames(other, key).contains(column.name())
                            && foreignKeys.get(table).stream().noneMatch(fk -> fk.referencedTable().equals(other)
                            && fk.columns().equals(List.of(column.name())))) {
                        problems.add(table + "." + column.name() + " holds the key of " + other + " but has no "
                                + "FOREIGN KEY: declare it with REFERENCES " + other + " (" + key + "), so that "
                                + "PostgreSQL refuses a row of " + table + " that points to a missing row of "
                                + other + ".");
                    }
                }
            }
        }
        // Every relationship here is mandatory: an order has a customer, a line has an order and a product.
        for (String table : tables) {
            List<CatalogInspector.Column> columns = catalog.columns(table);
            for (CatalogInspector.ForeignKey fk : foreignKeys.get(table)) {
                for (String name : fk.columns()) {
                    boolean notNull = columns.stream().anyMatch(c -> c.name().equals(name) && c.notNull());
                    if (!notNull) {
                        problems.add(table + "." + name + " refers to " + fk.referencedTable() + " but may be NULL. "
                                + "Every " + singular(table) + " has its " + singular(fk.referencedTable())
                                + ": declare the column NOT NULL.");
                    }
                }
            }
        }
        // The schema file only creates: rows it inserts would be today's rows, and 02-load.sql's job on other data.
        FunctionalDependencies fds = new FunctionalDependencies(bench.db);
        List<String> filled = tables.stream().filter(t -> fds.rowCount(t) > 0).toList();
        if (!filled.isEmpty()) {
            problems.add(schema.origin() + " already puts rows into " + String.join(", ", filled) + ". Write only "
                    + "CREATE TABLE statements there, so the tables start empty: filling them is the job of " + LOAD
                    + " (INSERT INTO … SELECT … FROM orders_flat).");
        }
        if (tables.size() > 1) {
            List<Set<String>> groups = linkedGroups(tables, foreignKeys);
            if (groups.size() > 1) {
                problems.add("Your tables are not all linked by foreign keys: "
                        + groups.stream().map(g -> "{" + String.join(", ", g) + "}")
                                .collect(Collectors.joining(" and "))
                        + " have no foreign key between them, so nothing ties those rows together. Which column "
                        + "holds the key of the other table?");
            }
        }
        return problems;
    }

    /** Names a column of another table may have when it holds that table's key. */
    static Set<String> referenceNames(String table, String key) {
        String one = singular(table);
        Set<String> names = new HashSet<>();
        if (!key.equals("id")) {
            names.add(key);
        }
        names.add(one + "_id");
        names.add(one + "_" + key);
        return names;
    }

    /** The groups of tables connected by foreign keys (in either direction). */
    static List<Set<String>> linkedGroups(List<String> tables,
                                                  Map<String, List<CatalogInspector.ForeignKey>> foreignKeys) {
        Map<String, Set<String>> links = new LinkedHashMap<>();
        tables.forEach(t -> links.put(t, new LinkedHashSet<>()));
        foreignKeys.forEach((table, fks) -> fks.forEach(fk -> {
            links.get(table).add(fk.referencedTable());
            links.get(fk.referencedTable()).add(table);
        }));
        List<Set<String>> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String table : tables) {
            if (!seen.add(table)) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(List.of(table));
            while (!todo.isEmpty()) {
                String t = todo.remove(todo.size() - 1);
                group.add(t);
                for (String next : links.get(t)) {
                    if (seen.add(next)) {
                        todo.add(next);
                    }
                }
            }
            groups.add(group);
        }
        return groups;
    }
}
