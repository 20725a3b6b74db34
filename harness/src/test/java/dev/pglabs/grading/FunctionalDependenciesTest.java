package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.CheckFailure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Functional dependencies and table snapshots on the rows of a real server. */
@Tag("provider")
class FunctionalDependenciesTest {

    /** Order lines with the customer repeated on each line; two customers share a name, prices change. */
    private static final String LINES = """
            CREATE TABLE lines (order_id integer, sku text, customer_id integer, customer_name text,
                                city text, price numeric(6, 2), note text,
                                PRIMARY KEY (order_id, sku));
            INSERT INTO lines VALUES
              (1, 'A', 10, 'Ann',  'Porto', 5.00, NULL),
              (1, 'B', 10, 'Ann',  'Porto', 7.00, NULL),
              (2, 'A', 11, 'Bo',   'Oslo',  5.00, 'x'),
              (3, 'A', 12, 'Ann',  'Rome',  6.00, NULL),
              (3, 'C', 12, 'Ann',  'Rome',  9.00, NULL),
              (4, 'B', 10, 'Ann',  'Porto', 7.00, 'y');
            CREATE TABLE "Odd ""x"" Names" ("Key" integer PRIMARY KEY, "Value of it" text);
            INSERT INTO "Odd ""x"" Names" VALUES (1, 'a'), (2, 'a');
            """;

    @Test
    @DisplayName("a dependency holds when no two rows agree on the determinant and differ in the column")
    void determination() {
        try (CheckDatabase db = PlanTestDatabases.create("fd-lines.sql", LINES)) {
            FunctionalDependencies fds = new FunctionalDependencies(db);
            List<String> all = List.of("order_id", "sku", "customer_id", "customer_name", "city", "price", "note");

            FunctionalDependencies.Determination customer = fds.determination("lines", List.of("customer_id"), all);
            assertThat(customer.repeats()).isTrue();
            assertThat(customer.largestGroup()).isEqualTo(3);
            assertThat(customer.determined()).as("name and city follow the customer; NULL next to 'y' is two notes")
                    .containsExactly("customer_name", "city");

            FunctionalDependencies.Determination name = fds.determination("lines", List.of("customer_name"), all);
            assertThat(name.determined()).as("two customers are called Ann").doesNotContain("customer_id", "city");

            assertThat(fds.determination("lines", List.of("sku"), all).determined())
                    .as("the price of A is 5.00 once and 6.00 once").doesNotContain("price");

            FunctionalDependencies.Determination key = fds.determination("lines", List.of("order_id", "sku"), all);
            assertThat(key.repeats()).as("the key never repeats").isFalse();
            assertThat(key.determined()).containsExactly("customer_id", "customer_name", "city", "price", "note");

            assertThat(fds.determination("lines", List.of("order_id"), all).determined())
                    .as("two NULL notes on one order agree")
                    .containsExactly("customer_id", "customer_name", "city", "note");
        }
    }

    @Test
    @DisplayName("uniqueness, minimal keys, the best example and the row count")
    void keysAndExamples() {
        try (CheckDatabase db = PlanTestDatabases.create("fd-lines.sql", LINES)) {
            FunctionalDependencies fds = new FunctionalDependencies(db);
            assertThat(fds.rowCount("lines")).isEqualTo(6);
            assertThat(fds.isUnique("lines", List.of("order_id", "sku"))).isTrue();
            assertThat(fds.isUnique("lines", List.of("order_id"))).isFalse();
            assertThat(fds.minimalUniqueSubset("lines", List.of("order_id", "sku", "customer_name")))
                    .as("customer_name adds nothing to (order_id, sku)").containsExactly("order_id", "sku");
            assertThat(fds.minimalUniqueSubset("lines", List.of("order_id", "sku"))).containsExactly("order_id", "sku");
            assertThat(fds.minimalUniqueSubset("lines", List.of("order_id", "sku", "price")))
                    .as("(order_id, price) is unique too, by accident; the declared columns come first")
                    .containsExactly("order_id", "sku");

            FunctionalDependencies.Example example = fds.example("lines", List.of("customer_id"), "city").orElseThrow();
            assertThat(example.determinantValues()).containsExactly("10");
            assertThat(example.dependentValue()).isEqualTo("Porto");
            assertThat(example.rows()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("any table and column name works, quotes and spaces included")
    void oddNames() {
        try (CheckDatabase db = PlanTestDatabases.create("fd-lines.sql", LINES)) {
            FunctionalDependencies fds = new FunctionalDependencies(db);
            FunctionalDependencies.Determination d = fds.determination("Odd \"x\" Names", List.of("Value of it"),
                    List.of("Key", "Value of it"));
            assertThat(d.repeats()).isTrue();
            assertThat(d.determined()).isEmpty();
            TableSnapshot snapshot = TableSnapshot.take(db, List.of("Odd \"x\" Names"), 10);
            assertThat(snapshot.rows("Odd \"x\" Names")).extracting(TableSnapshot.Row::describe)
                    .containsExactlyInAnyOrder("Odd \"x\" Names (1, a)", "Odd \"x\" Names (2, a)");
        }
    }

    @Test
    @DisplayName("a snapshot diff counts an UPDATE of one row as one removed and one added row, as a bag")
    void snapshots() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.create("fd-lines.sql", LINES); Connection c = db.openAdmin()) {
            TableSnapshot before = TableSnapshot.take(db, List.of("lines"), 100);
            assertThat(before.rowCount("lines")).isEqualTo(6);
            assertThat(before.rowsHolding("Porto")).hasSize(3);
            assertThat(before.rowsHolding("Port")).as("whole values only").isEmpty();
            try (Statement st = c.createStatement()) {
                st.execute("UPDATE lines SET city = 'Lisbon' WHERE order_id = 2");
            }
            TableSnapshot.Diff one = before.diff(TableSnapshot.take(db, List.of("lines"), 100));
            assertThat(one.removed()).extracting(r -> r.values().get("city")).containsExactly("Oslo");
            assertThat(one.added()).extracting(r -> r.values().get("city")).containsExactly("Lisbon");
            assertThat(one.tables()).containsExactly("lines");

            try (Statement st = c.createStatement()) {
                st.execute("UPDATE lines SET customer_name = 'Anna' WHERE customer_id = 10");
            }
            TableSnapshot.Diff many = before.diff(TableSnapshot.take(db, List.of("lines"), 100));
            assertThat(many.removed()).hasSize(4);
            assertThat(many.added()).hasSize(4);
            assertThat(before.diff(before).isEmpty()).isTrue();

            assertThatThrownBy(() -> TableSnapshot.take(db, List.of("lines"), 5)).isInstanceOf(CheckFailure.class)
                    .hasMessageContaining("more than 5 rows");
        }
    }
}
