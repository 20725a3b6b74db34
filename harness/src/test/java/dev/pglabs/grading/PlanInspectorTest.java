package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans parsed from EXPLAIN (FORMAT JSON): by hand-written JSON, and from a real server. */
@Tag("provider")
class PlanInspectorTest {

    /** The shape PostgreSQL prints for a bitmap scan under a top-N sort (costs shortened). */
    private static final String BITMAP_PLAN = """
            [
              {
                "Plan": {
                  "Node Type": "Limit", "Parallel Aware": false, "Startup Cost": 10.5, "Total Cost": 10.53,
                  "Plan Rows": 10, "Plan Width": 32,
                  "Plans": [
                    {
                      "Node Type": "Sort", "Parent Relationship": "Outer", "Parallel Aware": false,
                      "Startup Cost": 10.5, "Total Cost": 11.0, "Plan Rows": 200, "Plan Width": 32,
                      "Sort Key": ["created_at DESC", "id"],
                      "Plans": [
                        {
                          "Node Type": "Bitmap Heap Scan", "Parent Relationship": "Outer", "Parallel Aware": false,
                          "Relation Name": "items", "Alias": "i", "Startup Cost": 4.2, "Total Cost": 9.8,
                          "Plan Rows": 200, "Plan Width": 32, "Recheck Cond": "(grp = 7)",
                          "Plans": [
                            {
                              "Node Type": "Bitmap Index Scan", "Parent Relationship": "Outer",
                              "Parallel Aware": false, "Index Name": "items_grp_idx", "Startup Cost": 0.0,
                              "Total Cost": 4.15, "Plan Rows": 200, "Plan Width": 0, "Index Cond": "(grp = 7)"
                            }
                          ]
                        }
                      ]
                    }
                  ]
                }
              }
            ]""";

    @Test
    @DisplayName("a bitmap index scan belongs to the table of the bitmap heap scan above it")
    void bitmapScanTable() {
        PlanInspector.Plan plan = PlanInspector.parse(BITMAP_PLAN);
        assertThat(plan.indexScansOf("items")).singleElement()
                .satisfies(n -> {
                    assertThat(n.type()).isEqualTo("Bitmap Index Scan");
                    assertThat(n.index()).isEqualTo("items_grp_idx");
                    assertThat(n.relation()).as("the JSON names no relation on this node").isNull();
                });
        assertThat(plan.indexesUsed()).containsExactly("items_grp_idx");
        assertThat(plan.seqScansOf("items")).isEmpty();
        assertThat(plan.hasSort()).isTrue();
        assertThat(plan.reads("items")).isTrue();
        assertThat(plan.reads("other")).isFalse();
        assertThat(plan.nodes().map(PlanInspector.Node::type))
                .containsExactly("Limit", "Sort", "Bitmap Heap Scan", "Bitmap Index Scan");
    }

    @Test
    @DisplayName("render() prints the tree the way psql does, with estimated rows and conditions")
    void render() {
        assertThat(PlanInspector.parse(BITMAP_PLAN).render()).isEqualTo("""
                Limit  (cost=10.50..10.53 rows=10)
                  ->  Sort  (cost=10.50..11.00 rows=200)
                        Sort Key: created_at DESC, id
                        ->  Bitmap Heap Scan on items i  (cost=4.20..9.80 rows=200)
                              Recheck Cond: (grp = 7)
                              ->  Bitmap Index Scan on items_grp_idx  (cost=0.00..4.15 rows=200)
                                    Index Cond: (grp = 7)""");
    }

    @Test
    @DisplayName("labels name the direction of an index scan and the strategy of an aggregate")
    void labels() {
        PlanInspector.Plan plan = PlanInspector.parse("""
                [{"Plan": {"Node Type": "Aggregate", "Strategy": "Hashed", "Plan Rows": 3, "Total Cost": 5,
                  "Plans": [{"Node Type": "Index Only Scan", "Scan Direction": "Backward", "Index Name": "ix",
                             "Relation Name": "items", "Alias": "items", "Plan Rows": 3, "Total Cost": 4,
                             "Actual Rows": 3, "Actual Loops": 1}]}}]""");
        assertThat(plan.nodes().map(PlanInspector.Node::label))
                .containsExactly("HashAggregate", "Index Only Scan Backward using ix on items");
        assertThat(plan.render()).contains("(actual rows=3)");
    }

    @Test
    @DisplayName("anything but EXPLAIN's JSON is refused with a clear message")
    void notAPlan() {
        assertThatThrownBy(() -> PlanInspector.parse("[{\"QUERY PLAN\": 1}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXPLAIN (FORMAT JSON)");
        assertThatThrownBy(() -> PlanInspector.parse("Seq Scan on items"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("on a real server: a filter on an unindexed column reads the whole table; with an index it does not")
    void seqScanThenIndex() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.items(); Connection c = db.openAdmin()) {
            String query = "SELECT id, name FROM items WHERE grp = 7";
            PlanInspector.Plan before = PlanInspector.explain(c, query);
            assertThat(before.seqScansOf("items")).as(before.render()).hasSize(1);
            assertThat(before.indexScansOf("items")).isEmpty();

            execute(c, "CREATE INDEX items_grp_idx ON items (grp); ANALYZE items");
            PlanInspector.Plan after = PlanInspector.explain(c, query);
            assertThat(after.seqScansOf("items")).as(after.render()).isEmpty();
            assertThat(after.indexScansOf("items")).as(after.render()).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.index()).isEqualTo("items_grp_idx"));
            assertThat(after.render()).contains("items_grp_idx").contains("(grp = 7)");
        }
    }

    @Test
    @DisplayName("on a real server: ORDER BY … LIMIT sorts unless an index gives the order")
    void sortUnlessIndexOrder() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.items(); Connection c = db.openAdmin()) {
            String query = "SELECT id, name FROM items ORDER BY created_at DESC LIMIT 5";
            PlanInspector.Plan before = PlanInspector.explain(c, query);
            assertThat(before.hasSort()).as(before.render()).isTrue();
            assertThat(before.ofType("Limit")).hasSize(1);

            execute(c, "CREATE INDEX ON items (created_at)");
            PlanInspector.Plan after = PlanInspector.explain(c, query);
            assertThat(after.hasSort()).as(after.render()).isFalse();
            assertThat(after.indexScansOf("items")).singleElement()
                    .satisfies(n -> assertThat(n.direction()).isEqualTo("Backward"));
            assertThat(after.render()).contains("Index Scan Backward using items_created_at_idx on items");
        }
    }

    @Test
    @DisplayName("explain() pins the planner settings, whatever the session had")
    void pinsSettings() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.items(); Connection c = db.openAdmin()) {
            execute(c, "SET enable_seqscan = off; SET random_page_cost = 40; SET max_parallel_workers_per_gather = 4");
            PlanInspector.Plan plan = PlanInspector.explain(c, "SELECT * FROM items WHERE grp = 7");
            assertThat(plan.seqScansOf("items")).as("enable_seqscan is back on: %s", plan.render()).hasSize(1);
            assertThat(show(c, "random_page_cost")).isEqualTo("1.1");
            assertThat(show(c, "enable_seqscan")).isEqualTo("on");
            assertThat(show(c, "max_parallel_workers_per_gather")).isEqualTo("0");
            assertThat(show(c, "jit")).isEqualTo("off");
            assertThat(plan.find(n -> n.type().startsWith("Gather"))).isEmpty();
        }
    }

    @Test
    @DisplayName("explainAnalyze() runs the query and reports actual rows")
    void analyze() throws Exception {
        try (CheckDatabase db = PlanTestDatabases.items(); Connection c = db.openAdmin()) {
            PlanInspector.Plan plan = PlanInspector.explainAnalyze(c, "SELECT * FROM items WHERE grp = 7");
            assertThat(plan.root().actualRows()).isEqualTo(200.0);
            assertThat(plan.render()).contains("(actual rows=200)").contains("Rows Removed by Filter: 19800");
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String show(Connection c, String setting) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
