package dev.pglabs.graders.lab04;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.Situation;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.FunctionalDependencies;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.grading.TableSnapshot;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grades lab 04 (normalization). The student designs their own tables for the flat orders data, so nothing here
 * assumes table or column names: the checks look at what the student's scripts created (the tables that were not
 * in the dataset), at the catalog (keys, foreign keys) and at the loaded rows (functional dependencies, where
 * values are stored). Every check starts from a fresh copy of the staging table {@code orders_flat} and runs the
 * student's scripts in order: 01-schema, 02-load, 03-flat-view, then the script the check is about.
 *
 * <p>The view is only ever read as the student: a view may call the student's functions, which must not run with
 * the grader's rights. Before reading it, the grader empties the staging table, so a view that copies the staging
 * table instead of joining the student's tables shows nothing.
 */
@Grader(lab = "04-normalization")
@DisplayName("Lab 04 · Normalization")
class Lab04NormalizationGrader {

    private static final String HIDDEN_DATA = "hidden";

    static final String SCHEMA = "01-schema.sql";
    static final String LOAD = "02-load.sql";
    static final String VIEW_FILE = "03-flat-view.sql";
    static final String RENAME = "04-rename-customer.sql";
    static final String NEW_PRODUCT = "05-new-product.sql";

    static final String STAGING = "orders_flat";
    static final String VIEW = "orders_flat_view";
    static final List<String> FLAT_COLUMNS = List.of("order_id", "order_date", "customer_id", "customer_name",
            "customer_email", "customer_city", "product_sku", "product_name", "product_category", "unit_price",
            "quantity");
    static final String FLAT_QUERY = "SELECT " + String.join(", ", FLAT_COLUMNS) + " FROM public." + STAGING;
    private static final String VIEW_QUERY = "SELECT * FROM public." + VIEW;
    private static final String VIEW_ORIGIN = "your view " + VIEW + " (SELECT * FROM " + VIEW + ")";

    static final String RENAMED_CUSTOMER = "1003";
    static final String NEW_NAME = "Noor Lindqvist";
    static final String NEW_SKU = "KB-220";
    static final String NEW_PRODUCT_NAME = "Travel Keyboard";

    /** The flat file has a few hundred lines; a student table far bigger than that is a runaway load. */
    private static final int MAX_TABLE_ROWS = 20_000;
    /** The tables the flat lines describe; a 3NF design needs at least one table for each. */
    private static final int KINDS_OF_THINGS = 4;
    private static final int MAX_PROBLEMS_SHOWN = 6;

    // ---- 01: keys ----------------------------------------------------------------------------------------

    @Check(id = "01-schema-keys", points = 2,
            hint = "Give every table a PRIMARY KEY (the column or columns that identify one row), and link the "
                    + "tables: a column that holds another table's key gets REFERENCES that_table (its_key) and "
                    + "NOT NULL.")
    @DisplayName("01 creates a table per kind of thing, each with a primary key, linked by foreign keys")
    void e01_keys(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        Workbench bench = new Workbench(sql);
        CatalogInspector catalog = bench.catalog;
        bench.run(schema);
        List<String> tables = bench.studentTables();
        if (tables.isEmpty()) {
            throw new AssertionFailedError(schema.origin() + " ran, but it created no tables. Write one "
                    + "CREATE TABLE statement per table of your design.");
        }

        List<String> problems = new ArrayList<>();
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
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("The keys of your schema are not complete yet:\n" + bullets(problems));
        }
    }

    // ---- 02: no redundancy --------------------------------------------------------------------------------

    @Check(id = "02-load-no-redundancy", points = 3, hiddenOn = HIDDEN_DATA,
            hint = "Each fact belongs in the table whose key it depends on: the customer's name, email and city "
                    + "depend on the customer alone, a product's name and category on the product alone, the "
                    + "date on the order alone. Keep only the key (a foreign key) where you need to refer to them.")
    @DisplayName("02 stores each fact once: no column depends on part of a key or on a non-key column (2NF, 3NF)")
    void e02_noRedundancy(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        SqlAnswer load = files.sql(LOAD);
        Workbench bench = new Workbench(sql);
        CatalogInspector catalog = bench.catalog;
        ResultTable flat = bench.flat();  // before the student's scripts, which may empty it
        bench.run(schema, load);
        List<String> tables = bench.studentTables();
        if (tables.isEmpty()) {
            throw new AssertionFailedError(schema.origin() + " created no tables, so there is nothing to check.");
        }
        FunctionalDependencies fds = new FunctionalDependencies(bench.db);
        List<String> empty = new ArrayList<>();
        for (String table : tables) {
            long rows = fds.rowCount(table);
            if (rows == 0) {
                empty.add(table);
            } else if (rows > MAX_TABLE_ROWS) {
                throw new AssertionFailedError(table + " holds " + rows + " rows after " + load.origin()
                        + ", but orders_flat has only " + flat.rowCount() + " lines. Check what your load inserts.");
            }
        }
        if (!empty.isEmpty()) {
            throw new AssertionFailedError("After " + load.origin() + ", these tables are empty: "
                    + String.join(", ", empty) + ". This check looks at the loaded rows, so fill every table from "
                    + "orders_flat (INSERT INTO … SELECT … FROM orders_flat).");
        }

        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            problems.addAll(dependencyProblems(table, tables, catalog, fds));
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("Some facts are stored more than once, so your tables are not in third "
                    + "normal form yet:\n" + bullets(problems));
        }

        // Whatever the design, each customer's email and each product's name should be in exactly one row.
        TableSnapshot snapshot = bench.snapshot(tables);
        problems.addAll(storedOnce(snapshot, flat, "customer_id", "customer_email", "customer"));
        problems.addAll(storedOnce(snapshot, flat, "product_sku", "product_name", "product"));
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("Each fact should be stored exactly once, in a column of its own:\n"
                    + bullets(problems));
        }
    }

    /**
     * The functional dependencies of one table that break 2NF or 3NF, found in its rows: a column outside every
     * key whose value is determined by part of the key (partial) or by a non-key column (transitive), where the
     * determinant repeats, so the value is stored again on every row that repeats it.
     */
    private static List<String> dependencyProblems(String table, List<String> tables, CatalogInspector catalog,
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

    /**
     * Each thing's value (a customer's email, a product's name) must be held by exactly one row of the student's
     * tables: zero means it is not stored as a value of its own (not atomic), more means it is repeated.
     */
    private static List<String> storedOnce(TableSnapshot snapshot, ResultTable flat, String idColumn,
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

    // ---- 03: lossless view --------------------------------------------------------------------------------

    @Check(id = "03-flat-view-lossless", points = 3, hiddenOn = HIDDEN_DATA,
            hint = "Join every line of an order to its order, customer and product on their keys, and name the "
                    + "columns exactly as in orders_flat, in the same order. Compare with (SELECT * FROM orders_flat "
                    + "EXCEPT ALL SELECT * FROM orders_flat_view) and the other way round: both must be empty.")
    @DisplayName("03 the view orders_flat_view gives back exactly the lines of orders_flat, from your tables")
    void e03_losslessView(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        SqlAnswer load = files.sql(LOAD);
        SqlAnswer view = files.sql(VIEW_FILE);
        Workbench bench = new Workbench(sql);
        ResultTable expected = bench.flat();
        bench.run(schema, load, view);
        bench.requireView(view);
        bench.emptyStaging();
        ResultTable actual = bench.view();
        Comparison comparison = ResultComparator.compare(expected, actual,
                CompareOptions.unordered().withColumnNames());
        if (!comparison.matches()) {
            throw new AssertionFailedError(VIEW + " does not give back the lines of orders_flat exactly (each line "
                    + "once, every value as in the file).\n" + comparison.feedback() + columnNote(comparison, expected)
                    + typeNote(expected, actual));
        }
    }

    /**
     * Pairs the missing and unexpected lines by the flat file's key (order_id, product_sku) and says which columns
     * differ: "unit_price on 25 lines" points straight at the design mistake.
     */
    private static String columnNote(Comparison comparison, ResultTable expected) {
        int order = FLAT_COLUMNS.indexOf("order_id");
        int sku = FLAT_COLUMNS.indexOf("product_sku");
        Map<List<String>, List<Object>> missing = new LinkedHashMap<>();
        for (List<Object> row : comparison.missingRows()) {
            missing.putIfAbsent(List.of(String.valueOf(row.get(order)), String.valueOf(row.get(sku))), row);
        }
        Map<String, Integer> differing = new LinkedHashMap<>();
        int paired = 0;
        for (List<Object> row : comparison.unexpectedRows()) {
            List<Object> want = missing.remove(List.of(String.valueOf(row.get(order)), String.valueOf(row.get(sku))));
            if (want == null) {
                continue;
            }
            paired++;
            for (int c = 0; c < want.size(); c++) {
                if (!sameValue(want.get(c), row.get(c))) {
                    differing.merge(expected.columns().get(c), 1, Integer::sum);
                }
            }
        }
        if (paired == 0 || differing.isEmpty()) {
            return "";
        }
        return "\nOn " + count(paired, "line") + " that your view does have (same order_id and product_sku), these "
                + "columns differ from orders_flat: " + differing.entrySet().stream()
                .map(e -> e.getKey() + " (" + count(e.getValue(), "line") + ")").collect(Collectors.joining(", "))
                + ". Which of your tables holds that value, and does that table's key really determine it?";
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return java.util.Objects.equals(a, b);
    }

    private static String typeNote(ResultTable expected, ResultTable actual) {
        if (expected.columnTypes().isEmpty() || actual.columnTypes().size() != expected.columnTypes().size()) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < expected.columnTypes().size(); i++) {
            String want = expected.columnTypes().get(i);
            String got = actual.columnTypes().get(i);
            if (!sameKindOfType(want, got)) {
                notes.add(actual.columns().get(i) + " is " + got + " in your view but " + want + " in orders_flat");
            }
        }
        return notes.isEmpty() ? "" : "\nColumn types differ: " + String.join("; ", notes) + ". A value can change "
                + "when it is stored in another type (19.90 in a real column becomes 19.899999618530273; a date "
                + "in a timestamp column gets a time): use the same types as orders_flat.";
    }

    private static boolean sameKindOfType(String a, String b) {
        Set<String> integers = Set.of("int2", "int4", "int8", "numeric");
        Set<String> texts = Set.of("text", "varchar");
        return a.equals(b) || (integers.contains(a) && integers.contains(b))
                || (texts.contains(a) && texts.contains(b));
    }

    // ---- 04: update anomaly -------------------------------------------------------------------------------

    @Check(id = "04-rename-customer", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "In a normalized schema the customer's name is in one row of one table: one UPDATE … SET "
                    + "<name column> = 'Noor Lindqvist' WHERE <customer key> = 1003. Pick the customer by its key, "
                    + "not by today's name.")
    @DisplayName("04 renames customer 1003 by changing one row, and the view shows the new name on all their lines")
    void e04_renameCustomer(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        SqlAnswer load = files.sql(LOAD);
        SqlAnswer view = files.sql(VIEW_FILE);
        SqlAnswer rename = files.sql(RENAME);
        Workbench bench = new Workbench(sql);
        ResultTable flat = bench.flat();
        bench.run(schema, load, view);
        bench.requireView(view);
        bench.emptyStaging();
        ResultTable before = bench.view();
        int idColumn = requireColumn(before, "customer_id");
        int nameColumn = requireColumn(before, "customer_name");
        long customerLines = countWhere(flat, flat.columns().indexOf("customer_id"), RENAMED_CUSTOMER);
        long shownLines = countWhere(before, idColumn, RENAMED_CUSTOMER);
        if (before.rowCount() != flat.rowCount() || shownLines != customerLines) {
            throw new AssertionFailedError("Before " + rename.origin() + " runs, " + VIEW + " should show all "
                    + flat.rowCount() + " lines of orders_flat, " + customerLines + " of them for customer "
                    + RENAMED_CUSTOMER + ". It shows " + before.rowCount() + " lines, " + shownLines + " for customer "
                    + RENAMED_CUSTOMER + ". Make check 03 pass first: this check reads your view.");
        }
        TableSnapshot start = bench.snapshot(bench.studentTables());

        bench.run(rename);

        ResultTable after = bench.view();
        List<List<Object>> renamed = new ArrayList<>();
        for (List<Object> row : before.rows()) {
            List<Object> copy = new ArrayList<>(row);
            if (RENAMED_CUSTOMER.equals(String.valueOf(row.get(idColumn)))) {
                copy.set(nameColumn, NEW_NAME);
            }
            renamed.add(copy);
        }
        Comparison comparison = ResultComparator.compare(ResultTable.of(before.columns(), renamed), after,
                CompareOptions.unordered().withColumnNames(), Situation.TABLE_STATE);
        if (!comparison.matches()) {
            throw new AssertionFailedError("After " + rename.origin() + ", " + VIEW + " should show the name '"
                    + NEW_NAME + "' on all " + customerLines + " lines of customer " + RENAMED_CUSTOMER
                    + ", and nothing else should change.\n" + comparison.feedback());
        }
        TableSnapshot.Diff diff = start.diff(bench.snapshot(bench.studentTables()));
        if (diff.removed().size() != 1 || diff.added().size() != 1
                || !diff.removed().get(0).table().equals(diff.added().get(0).table())) {
            throw new AssertionFailedError(rename.origin() + " changed " + changedRows(diff) + ". Renaming a "
                    + "customer should change one row: in a normalized schema the name is stored once. When it is "
                    + "stored on every line of the customer's orders, each copy has to be updated, and missing one "
                    + "leaves the data contradicting itself: that is the update anomaly.\n" + diffExcerpt(diff));
        }
    }

    // ---- 05: insert anomaly -------------------------------------------------------------------------------

    @Check(id = "05-new-product", points = 1,
            hint = "A product that nobody ordered yet is one INSERT into your products table; it must not need an "
                    + "order, a customer or a fake order line.")
    @DisplayName("05 adds the product KB-220 as one row, without inventing an order")
    void e05_newProduct(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        SqlAnswer load = files.sql(LOAD);
        SqlAnswer view = files.sql(VIEW_FILE);
        SqlAnswer insert = files.sql(NEW_PRODUCT);
        Workbench bench = new Workbench(sql);
        ResultTable flat = bench.flat();
        bench.run(schema, load, view);
        bench.requireView(view);
        bench.emptyStaging();
        ResultTable before = bench.view();
        if (before.rowCount() != flat.rowCount()) {
            throw new AssertionFailedError("Before " + insert.origin() + " runs, " + VIEW + " should show all "
                    + flat.rowCount() + " lines of orders_flat; it shows " + before.rowCount() + ". Make check 03 "
                    + "pass first: this check reads your view.");
        }
        TableSnapshot start = bench.snapshot(bench.studentTables());

        bench.run(insert);

        ResultTable after = bench.view();
        Comparison comparison = ResultComparator.compare(before, after, CompareOptions.unordered().withColumnNames(),
                Situation.TABLE_STATE);
        if (!comparison.matches()) {
            throw new AssertionFailedError("After " + insert.origin() + ", " + VIEW + " changed, but a product that "
                    + "nobody ordered has no order lines: the view should stay as it was. In the flat table a "
                    + "product can only be stored on an order line, so adding one means inventing an order: that "
                    + "is the insert anomaly your design removes.\n" + comparison.feedback());
        }
        TableSnapshot.Diff diff = start.diff(bench.snapshot(bench.studentTables()));
        if (!diff.removed().isEmpty() || diff.added().size() != 1) {
            throw new AssertionFailedError(insert.origin() + " changed " + changedRows(diff) + ". Adding a product "
                    + "should add exactly one row, to the table of products, and change nothing else.\n"
                    + diffExcerpt(diff));
        }
        TableSnapshot.Row row = diff.added().get(0);
        if (!row.holds(NEW_SKU) || !row.holds(NEW_PRODUCT_NAME)) {
            throw new AssertionFailedError(insert.origin() + " added the row " + row.describe() + ", but the new "
                    + "product's row should hold its SKU '" + NEW_SKU + "' and its name '" + NEW_PRODUCT_NAME
                    + "', each in a column of its own, exactly as written in the task.");
        }
    }

    // ---- shared steps -------------------------------------------------------------------------------------

    /**
     * One check's database and the grader's tools on it. Created only after the answer files were read, so a
     * missing answer costs no database. The grader's own connection has its search_path pinned to pg_catalog,
     * so none of the student's functions or operators run with the grader's rights.
     */
    private static final class Workbench {

        final CheckDatabase db;
        final CatalogInspector catalog;
        private final List<String> datasetTables;
        private Connection admin;

        Workbench(SqlCheck sql) {
            db = sql.database();
            catalog = new CatalogInspector(db);
            datasetTables = catalog.tables();
        }

        /** Runs the student's scripts in order, as the student, in the check's session. */
        void run(SqlAnswer... scripts) {
            for (SqlAnswer script : scripts) {
                db.student().execute(script.text(), script.origin());
            }
        }

        /** The tables the student created: those of the schema that were not in the dataset. */
        List<String> studentTables() {
            return catalog.tables().stream().filter(t -> !datasetTables.contains(t)).toList();
        }

        /** The lines of the staging table (read before the student's scripts, which may empty it). */
        ResultTable flat() {
            try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery(FLAT_QUERY)) {
                return ResultTable.read(rs, MAX_TABLE_ROWS);
            } catch (SQLException e) {
                throw graderBug(e);
            }
        }

        /** The student's view, read as the student (a view may call the student's functions). */
        ResultTable view() {
            return db.student().query(VIEW_QUERY, VIEW_ORIGIN);
        }

        /** Empties the staging table, so that only the student's tables can feed the view from now on. */
        void emptyStaging() {
            try (Statement st = admin().createStatement()) {
                st.execute("TRUNCATE public." + STAGING);
            } catch (SQLException e) {
                throw graderBug(e);
            }
        }

        TableSnapshot snapshot(List<String> tables) {
            try {
                return TableSnapshot.take(admin(), tables, MAX_TABLE_ROWS);
            } catch (SQLException e) {
                throw graderBug(e);
            }
        }

        /** The view must exist, be a view, and be built on the student's tables rather than on the staging table. */
        void requireView(SqlAnswer viewFile) {
            Optional<CatalogInspector.RelationKind> kind = catalog.relation(VIEW);
            if (kind.isEmpty()) {
                List<String> elsewhere = catalogStrings("SELECT n.nspname::text FROM pg_class c JOIN pg_namespace n "
                        + "ON n.oid = c.relnamespace WHERE c.relname = '" + VIEW + "' AND n.nspname <> 'public'");
                throw new AssertionFailedError(viewFile.origin() + " ran, but there is no view named " + VIEW
                        + (elsewhere.isEmpty() ? "" : " in the schema public (there is one in " + elsewhere.get(0)
                        + ": a temporary view, or a changed search_path? Leave search_path alone and don't write "
                        + "TEMP)") + ". Create it with CREATE VIEW " + VIEW + " AS SELECT …;");
            }
            if (kind.get() != CatalogInspector.RelationKind.VIEW) {
                throw new AssertionFailedError(VIEW + " is " + kind.get().inWords() + ", not a view. A table (or a "
                        + "materialized view) is one more copy of the data, which the next change makes wrong. Create "
                        + "it with CREATE VIEW, so it reads your tables each time.");
            }
            List<String> readsStaging = catalogStrings("""
                    SELECT DISTINCT d.refobjid::regclass::text
                    FROM pg_rewrite r
                    JOIN pg_class v ON v.oid = r.ev_class
                    JOIN pg_namespace n ON n.oid = v.relnamespace
                    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
                    JOIN pg_class t ON t.oid = d.refobjid
                    WHERE n.nspname = 'public' AND v.relname = '%s' AND t.relname = '%s'""".formatted(VIEW, STAGING));
            if (!readsStaging.isEmpty()) {
                throw new AssertionFailedError(VIEW + " reads " + STAGING + ", the staging table. The view must "
                        + "rebuild the lines from your own tables: that is what proves they lost nothing. (After a "
                        + "load, the staging table is usually emptied or dropped.)");
            }
        }

        private List<String> catalogStrings(String sql) {
            try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery(sql)) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            } catch (SQLException e) {
                throw graderBug(e);
            }
        }

        private Connection admin() throws SQLException {
            if (admin == null || admin.isClosed()) {
                admin = db.openAdmin();  // closed with the check
                try (Statement st = admin.createStatement()) {
                    st.execute("SET search_path = pg_catalog, pg_temp");
                    st.execute("SET statement_timeout = '20s'");
                }
            }
            return admin;
        }

        private static ProvisioningException graderBug(SQLException e) {
            return new ProvisioningException("The grader's own query failed (a bug in the grader, not in your "
                    + "answer): " + e.getMessage(), e);
        }
    }

    private static int requireColumn(ResultTable view, String column) {
        int index = view.columns().indexOf(column);
        if (index < 0) {
            throw new AssertionFailedError(VIEW + " has no column " + column + " (its columns: "
                    + String.join(", ", view.columns()) + "). Make check 03 pass first: this check reads your view.");
        }
        return index;
    }

    private static long countWhere(ResultTable table, int column, String value) {
        return table.rows().stream().filter(r -> value.equals(String.valueOf(r.get(column)))).count();
    }

    private static String changedRows(TableSnapshot.Diff diff) {
        if (diff.isEmpty()) {
            return "no row of your tables";
        }
        if (diff.removed().size() == diff.added().size()) {
            Map<String, Long> perTable = diff.added().stream().collect(Collectors.groupingBy(TableSnapshot.Row::table,
                    LinkedHashMap::new, Collectors.counting()));
            return count(diff.added().size(), "row") + " of your tables (" + perTable.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + ")";
        }
        return "your tables: " + count(diff.removed().size(), "row") + " removed or changed, "
                + count(diff.added().size(), "row") + " added or changed (in " + String.join(", ", diff.tables())
                + ")";
    }

    private static String diffExcerpt(TableSnapshot.Diff diff) {
        StringBuilder sb = new StringBuilder();
        int shown = 3;
        if (!diff.removed().isEmpty()) {
            sb.append("Rows before (removed or changed):\n");
            diff.removed().stream().limit(shown).forEach(r -> sb.append("  ").append(r.describe()).append('\n'));
            if (diff.removed().size() > shown) {
                sb.append("  … ").append(diff.removed().size() - shown).append(" more\n");
            }
        }
        if (!diff.added().isEmpty()) {
            sb.append("Rows after (added or changed):\n");
            diff.added().stream().limit(shown).forEach(r -> sb.append("  ").append(r.describe()).append('\n'));
            if (diff.added().size() > shown) {
                sb.append("  … ").append(diff.added().size() - shown).append(" more\n");
            }
        }
        return sb.toString().stripTrailing();
    }

    /** Names a column of another table may have when it holds that table's key. */
    private static Set<String> referenceNames(String table, String key) {
        String one = singular(table);
        Set<String> names = new HashSet<>();
        if (!key.equals("id")) {
            names.add(key);
        }
        names.add(one + "_id");
        names.add(one + "_" + key);
        return names;
    }

    private static String singular(String table) {
        if (table.endsWith("ies") && table.length() > 3) {
            return table.substring(0, table.length() - 3) + "y";
        }
        if (table.endsWith("s") && !table.endsWith("ss") && table.length() > 1) {
            return table.substring(0, table.length() - 1);
        }
        return table;
    }

    /** The groups of tables connected by foreign keys (in either direction). */
    private static List<Set<String>> linkedGroups(List<String> tables,
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

    private static String words(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String bullets(List<String> problems) {
        List<String> shown = problems.size() > MAX_PROBLEMS_SHOWN ? problems.subList(0, MAX_PROBLEMS_SHOWN) : problems;
        String text = shown.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        if (problems.size() > shown.size()) {
            text += "\n  … and " + (problems.size() - shown.size()) + " more.";
        }
        return text;
    }
}
