package dev.pglabs.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads query plans for plan-shape checks: runs {@code EXPLAIN (FORMAT JSON)} with the planner settings
 * pinned ({@link #PINNED_SETTINGS}), turns the JSON into a tree of {@link Node}s, finds nodes in it, and
 * renders it for feedback the way psql prints a plan.
 *
 * <p>Check the shape of a plan (which scan reaches which table, through which index, whether a Sort is
 * left), never its timings or exact costs: those vary with the machine and with ANALYZE's random sample.
 */
public final class PlanInspector {

    /**
     * Settings that decide which plan the planner picks, set to fixed values so that a check sees the same
     * plan on every server whatever its configuration: costs of a server with SSDs and a warm cache
     * (random_page_cost 1.1), no JIT, no parallel workers (a plan without Gather nodes), and every kind of
     * scan, join and sort allowed. Forcing a scan type off would hide a missing index, so none is.
     */
    public static final Map<String, String> PINNED_SETTINGS = pinned();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Details shown under a node when they are present, in this order (as psql shows them). */
    private static final List<String> DETAILS = List.of("Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond",
            "Join Filter", "Filter", "Rows Removed by Filter", "Rows Removed by Index Recheck", "Sort Key",
            "Presorted Key", "Group Key", "Heap Fetches");

    private PlanInspector() {
    }

    private static Map<String, String> pinned() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("seq_page_cost", "1");
        s.put("random_page_cost", "1.1");
        s.put("cpu_tuple_cost", "0.01");
        s.put("cpu_index_tuple_cost", "0.005");
        s.put("cpu_operator_cost", "0.0025");
        s.put("effective_cache_size", "'1GB'");
        s.put("work_mem", "'4MB'");
        s.put("jit", "off");
        s.put("max_parallel_workers_per_gather", "0");
        s.put("plan_cache_mode", "force_custom_plan");
        s.put("default_statistics_target", "100");
        s.put("constraint_exclusion", "partition");
        s.put("from_collapse_limit", "8");
        s.put("join_collapse_limit", "8");
        s.put("geqo", "on");
        for (String plan : List.of("seqscan", "indexscan", "indexonlyscan", "bitmapscan", "tidscan", "sort",
                "incremental_sort", "hashagg", "material", "memoize", "nestloop", "mergejoin", "hashjoin",
                "gathermerge", "partition_pruning")) {
            s.put("enable_" + plan, "on");
        }
        return Collections.unmodifiableMap(s);
    }

    /** Sets {@link #PINNED_SETTINGS} (and search_path pg_catalog, public) for the rest of this session. */
    public static void pinSettings(Connection connection) throws SQLException {
        StringBuilder sql = new StringBuilder("SET search_path = pg_catalog, public");
        PINNED_SETTINGS.forEach((name, value) -> sql.append(";\nSET ").append(name).append(" = ").append(value));
        try (Statement st = connection.createStatement()) {
            st.execute(sql.toString());
        }
    }

    /**
     * The plan PostgreSQL chooses for {@code query} with the settings pinned ({@code EXPLAIN (FORMAT JSON)}; the
     * query is planned, not run). Leaves the settings pinned on the connection.
     */
    public static Plan explain(Connection connection, String query) throws SQLException {
        pinSettings(connection);
        return parse(explainJson(connection, "EXPLAIN (FORMAT JSON) " + query));
    }

    /**
     * Settings that leave the planner only bitmap scans (and the scans that cannot be switched off): on a small table
     * it then shows whether an index CAN serve a condition, where it would otherwise read the few pages in order.
     */
    public static final Map<String, String> ONLY_BITMAP_SCANS = Map.of("enable_seqscan", "off",
            "enable_indexscan", "off", "enable_indexonlyscan", "off");

    /**
     * Like {@link #explain(Connection, String)}, with {@code overrides} (e.g. {@link #ONLY_BITMAP_SCANS}) set after the
     * pinned settings. Leaves them set on the connection.
     */
    public static Plan explain(Connection connection, String query, Map<String, String> overrides) throws SQLException {
        pinSettings(connection);
        try (Statement st = connection.createStatement()) {
            for (Map.Entry<String, String> setting : new TreeMap<>(overrides).entrySet()) {
                st.execute("SET " + setting.getKey() + " = " + setting.getValue());
            }
        }
        return parse(explainJson(connection, "EXPLAIN (FORMAT JSON) " + query));
    }

    /**
     * Runs {@code query} with {@code EXPLAIN (ANALYZE, FORMAT JSON)}, settings pinned: the plan with actual row
     * counts. It RUNS the query, so use it only on queries that are safe to run on this connection.
     */
    public static Plan explainAnalyze(Connection connection, String query) throws SQLException {
        pinSettings(connection);
        return parse(explainJson(connection, "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + query));
    }

    private static String explainJson(Connection connection, String explain) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(explain)) {
            StringBuilder json = new StringBuilder();
            while (rs.next()) {
                json.append(rs.getString(1));
            }
            return json.toString();
        }
    }

    /** Parses the output of {@code EXPLAIN (FORMAT JSON)}: {@code [ { "Plan": { … } } ]}. */
    public static Plan parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode top = root.isArray() ? root.path(0) : root;
            JsonNode plan = top.path("Plan");
            if (plan.isMissingNode() || !plan.isObject()) {
                throw new IllegalArgumentException("not an EXPLAIN (FORMAT JSON) result: " + abbreviate(json));
            }
            return new Plan(node(plan, null));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an EXPLAIN (FORMAT JSON) result: " + abbreviate(json), e);
        }
    }

    private static Node node(JsonNode json, String enclosingHeapRelation) {
        String type = json.path("Node Type").asText();
        String relation = text(json, "Relation Name");
        // A Bitmap Index Scan names only its index; the table is that of the Bitmap Heap Scan above it.
        String table = relation != null ? relation
                : type.equals("Bitmap Index Scan") || type.equals("BitmapAnd") || type.equals("BitmapOr")
                ? enclosingHeapRelation : null;
        String heapForChildren = type.equals("Bitmap Heap Scan") ? relation : table;
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : DETAILS) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.asText()));
                details.put(key, String.join(", ", parts));
            } else {
                details.put(key, value.asText());
            }
        }
        List<Node> children = new ArrayList<>();
        json.path("Plans").forEach(child -> children.add(node(child, heapForChildren)));
        return new Node(type, relation, table, text(json, "Alias"), text(json, "Index Name"),
                text(json, "Scan Direction"), json.path("Parallel Aware").asBoolean(false), label(json, type),
                json.path("Plan Rows").asDouble(), json.path("Startup Cost").asDouble(),
                json.path("Total Cost").asDouble(),
                json.has("Actual Rows") ? json.get("Actual Rows").asDouble() : null,
                json.has("Actual Loops") ? json.get("Actual Loops").asDouble() : null,
                text(json, "Parent Relationship"), Collections.unmodifiableMap(details), List.copyOf(children));
    }

    /** The node's first line as psql prints it: "Index Scan Backward using posts_pkey on posts". */
    private static String label(JsonNode json, String type) {
        String name = switch (type) {
            case "Aggregate" -> switch (json.path("Strategy").asText("Plain")) {
                case "Hashed" -> "HashAggregate";
                case "Sorted" -> "GroupAggregate";
                case "Mixed" -> "MixedAggregate";
                default -> "Aggregate";
            };
            case "SetOp" -> json.path("Strategy").asText("").equals("Hashed") ? "HashSetOp" : "SetOp";
            case "ModifyTable" -> json.path("Operation").asText("Modify");
            default -> type;
        };
        StringBuilder label = new StringBuilder();
        if (json.path("Parallel Aware").asBoolean(false)) {
            label.append("Parallel ");
        }
        label.append(name);
        if ("Backward".equals(text(json, "Scan Direction"))) {
            label.append(" Backward");
        }
        String index = text(json, "Index Name");
        if (index != null) {
            label.append(type.equals("Bitmap Index Scan") ? " on " : " using ").append(index);
        }
        String target = firstText(json, "Relation Name", "Function Name", "CTE Name", "Subplan Name");
        if (target != null && !type.equals("Bitmap Index Scan")) {
            label.append(" on ").append(target);
            String alias = text(json, "Alias");
            if (alias != null && !alias.equals(target)) {
                label.append(' ').append(alias);
            }
        } else if (target == null && text(json, "Alias") != null && type.equals("Subquery Scan")) {
            label.append(" on ").append(text(json, "Alias"));
        }
        return label.toString();
    }

    private static String firstText(JsonNode json, String... keys) {
        for (String key : keys) {
            String value = text(json, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /**
     * One node of a plan.
     *
     * @param type       the JSON "Node Type": "Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan",
     *                   "Bitmap Index Scan", "Sort", "Limit", "Hash Join", …
     * @param relation   "Relation Name": the table a scan node reads (null for other nodes)
     * @param table      the table this node reads rows or index entries of: {@code relation}, or for a Bitmap
     *                   Index Scan (which names only its index) the table of the Bitmap Heap Scan above it
     * @param index      "Index Name" of an index scan, index-only scan or bitmap index scan
     * @param direction  "Scan Direction" of an index scan: "Forward", "Backward" or "NoMovement"
     * @param label      the node's first line as psql prints it ("Index Scan Backward using i on posts")
     * @param rows       the planner's estimate of the rows the node returns ("Plan Rows")
     * @param actualRows rows per loop when the plan was run with ANALYZE, else null
     * @param details    "Index Cond", "Filter", "Sort Key", … when present
     */
    public record Node(String type, String relation, String table, String alias, String index, String direction,
                       boolean parallel, String label, double rows, double startupCost, double totalCost,
                       Double actualRows, Double actualLoops, String parentRelationship,
                       Map<String, String> details, List<Node> children) {

        /** This node and every node below it, depth first, parents before children. */
        public Stream<Node> stream() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Node::stream));
        }

        public boolean isSeqScan() {
            return type.equals("Seq Scan");
        }

        /** An Index Scan, Index Only Scan or Bitmap Index Scan: a node that reads an index. */
        public boolean readsIndex() {
            return type.equals("Index Scan") || type.equals("Index Only Scan") || type.equals("Bitmap Index Scan");
        }

        /** A Sort or Incremental Sort node. */
        public boolean isSort() {
            return type.equals("Sort") || type.equals("Incremental Sort");
        }

        public Optional<String> detail(String key) {
            return Optional.ofNullable(details.get(key));
        }
    }

    /** A whole plan: its root node and ways to search it. */
    public record Plan(Node root) {

        /** Every node, depth first. */
        public Stream<Node> nodes() {
            return root.stream();
        }

        public List<Node> find(Predicate<Node> predicate) {
            return nodes().filter(predicate).toList();
        }

        public List<Node> ofType(String type) {
            return find(n -> n.type().equals(type));
        }

        /** Sequential scans of this table (each one reads the whole table). */
        public List<Node> seqScansOf(String table) {
            return find(n -> n.isSeqScan() && table.equals(n.relation()));
        }

        /** The nodes that read an index of this table (index, index-only and bitmap index scans). */
        public List<Node> indexScansOf(String table) {
            return find(n -> n.readsIndex() && table.equals(n.table()));
        }

        /** The names of the indexes the plan reads, in plan order, each once. */
        public List<String> indexesUsed() {
            return nodes().filter(Node::readsIndex).map(Node::index).distinct().toList();
        }

        public boolean hasSort() {
            return nodes().anyMatch(Node::isSort);
        }

        /** Whether any node reads this table (by a scan of the table or of one of its indexes). */
        public boolean reads(String table) {
            return nodes().anyMatch(n -> table.equals(n.table()));
        }

        /**
         * The plan as an indented tree, like psql's EXPLAIN output: each node with its estimated cost and rows
         * (and actual rows when it was run with ANALYZE), and its conditions on the lines below.
         */
        public String render() {
            StringBuilder out = new StringBuilder();
            render(root, 0, out);
            return out.toString().stripTrailing();
        }

        private static void render(Node node, int depth, StringBuilder out) {
            String indent = depth == 0 ? "" : " ".repeat(6 * depth - 4) + "->  ";
            String detailIndent = " ".repeat(depth == 0 ? 2 : 6 * depth + 2);
            if (node.parentRelationship() != null && (node.parentRelationship().equals("InitPlan")
                    || node.parentRelationship().equals("SubPlan"))) {
                out.append(" ".repeat(Math.max(0, 6 * depth - 4))).append(node.parentRelationship()).append('\n');
            }
            out.append(indent).append(node.label()).append("  (cost=").append(cost(node.startupCost()))
                    .append("..").append(cost(node.totalCost())).append(" rows=").append(rows(node.rows()));
            if (node.actualRows() != null) {
                out.append(") (actual rows=").append(rows(node.actualRows()));
                if (node.actualLoops() != null && node.actualLoops() != 1) {
                    out.append(" loops=").append(rows(node.actualLoops()));
                }
            }
            out.append(")\n");
            node.details().forEach((key, value) -> out.append(detailIndent).append(key).append(": ").append(value)
                    .append('\n'));
            for (Node child : node.children()) {
                render(child, depth + 1, out);
            }
        }

        private static String cost(double cost) {
            return String.format(Locale.ROOT, "%.2f", cost);
        }

        private static String rows(double rows) {
            return rows == Math.rint(rows) ? Long.toString((long) rows) : String.format(Locale.ROOT, "%.1f", rows);
        }
    }
}
