package dev.pglabs.graders.lab04;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.Situation;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.FunctionalDependencies;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.Problems;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.grading.TableSnapshot;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;

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

    static final String RENAMED_CUSTOMER = "1003";
    static final String NEW_NAME = "Noor Lindqvist";
    static final String NEW_SKU = "KB-220";
    static final String NEW_PRODUCT_NAME = "Travel Keyboard";

    // ---- 01: keys ----------------------------------------------------------------------------------------

    @Check(id = "01-schema-keys", points = 2,
            hint = "Give every table a PRIMARY KEY (the column or columns that identify one row), and link the "
                    + "tables: a column that holds another table's key gets REFERENCES that_table (its_key) and "
                    + "NOT NULL.")
    @DisplayName("01 creates a table per kind of thing, each with a primary key, linked by foreign keys")
    void e01_keys(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        Workbench bench = new Workbench(sql);
        bench.run(schema);
        List<String> tables = bench.studentTables();
        if (tables.isEmpty()) {
            throw new AssertionFailedError(schema.origin() + " ran, but it created no tables. Write one "
                    + "CREATE TABLE statement per table of your design.");
        }
        SchemaKeys.problems(bench, schema, tables).failIfAny("Your schema does not do what the task asks yet:");
    }

    @Check(id = "01-schema-not-null", points = 1,
            hint = "Which values does every line of orders_flat have? A column that is always known is declared "
                    + "NOT NULL, so that a row without its value is refused.")
    @DisplayName("01 declares NOT NULL every column whose value is always known")
    void e01b_notNull(SqlCheck sql, LabFiles files) {
        SqlAnswer schema = files.sql(SCHEMA);
        SqlAnswer load = files.sql(LOAD);
        Workbench bench = new Workbench(sql);
        bench.run(schema, load);  // the loaded rows tell which columns always get a value, whatever their names
        List<String> tables = bench.studentTables();
        if (tables.isEmpty()) {
            throw new AssertionFailedError(schema.origin() + " created no tables, so there is nothing to check.");
        }
        new Problems().addAll(AlwaysKnown.problems(bench.catalog, bench.snapshot(tables), tables))
                .failIfAny("Some columns of your schema accept NULL where the value is always known:");
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
            } else if (rows > Workbench.MAX_TABLE_ROWS) {
                throw new AssertionFailedError(table + " holds " + rows + " rows after " + load.origin()
                        + ", but orders_flat has only " + flat.rowCount() + " lines. Check what your load inserts.");
            }
        }
        if (!empty.isEmpty()) {
            throw new AssertionFailedError("After " + load.origin() + ", these tables are empty: "
                    + String.join(", ", empty) + ". This check looks at the loaded rows, so fill every table from "
                    + "orders_flat (INSERT INTO … SELECT … FROM orders_flat).");
        }

        Problems dependencies = new Problems();
        for (String table : tables) {
            dependencies.addAll(NormalForms.problems(table, tables, bench.catalog, fds));
        }
        dependencies.failIfAny("Some facts are stored more than once, so your tables are not in third normal form "
                + "yet:");

        // Whatever the design, each customer's email and each product's name should be in exactly one row.
        TableSnapshot snapshot = bench.snapshot(tables);
        new Problems()
                .addAll(StoredOnce.problems(snapshot, flat, "customer_id", "customer_email", "customer"))
                .addAll(StoredOnce.problems(snapshot, flat, "product_sku", "product_name", "product"))
                .failIfAny("Each fact should be stored exactly once, in a column of its own:");
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
                    + "once, every value as in the file).\n" + comparison.feedback()
                    + LosslessFeedback.columnNote(comparison, expected) + LosslessFeedback.typeNote(expected, actual));
        }
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
            throw new AssertionFailedError(rename.origin() + " changed " + RowChanges.changedRows(diff) + ". Renaming "
                    + "a customer should change one row: in a normalized schema the name is stored once. When it is "
                    + "stored on every line of the customer's orders, each copy has to be updated, and missing one "
                    + "leaves the data contradicting itself: that is the update anomaly.\n"
                    + RowChanges.diffExcerpt(diff));
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
            throw new AssertionFailedError(insert.origin() + " changed " + RowChanges.changedRows(diff) + ". Adding a "
                    + "product should add exactly one row, to the table of products, and change nothing else.\n"
                    + RowChanges.diffExcerpt(diff));
        }
        TableSnapshot.Row row = diff.added().get(0);
        if (!row.holds(NEW_SKU) || !row.holds(NEW_PRODUCT_NAME)) {
            throw new AssertionFailedError(insert.origin() + " added the row " + row.describe() + ", but the new "
                    + "product's row should hold its SKU '" + NEW_SKU + "' and its name '" + NEW_PRODUCT_NAME
                    + "', each in a column of its own, exactly as written in the task.");
        }
    }

    // ---- shared steps -------------------------------------------------------------------------------------

    /** The index of a column of the student's view; a missing one means check 03 fails first. */
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
}

