package dev.pglabs.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.provisioning.ProvisioningException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a reference answer gives on a lab's data, where it comes from:
 * <ul>
 *   <li>{@link #live()} (the instructors' repository): the reference runs in the check's database each time;</li>
 *   <li>{@link #recording()} ({@code pglabs release}): the same, and each result is kept, to be written into the
 *       student release ({@link #writeTo});</li>
 *   <li>{@link #stored(Path)} (a student release): the results written by {@code release}, read from
 *       {@value #FOLDER}/&lt;lab&gt;.json; the reference itself is not there.</li>
 * </ul>
 * Either way the comparator gets the same table, so a student release gives exactly the course's feedback.
 * Results are keyed by lab, dataset and a key the check chooses (the reference's name, plus the state query of a
 * table-state check).
 */
public final class ExpectedResults {

    /** Where a student release keeps the expected results, from the course root. */
    public static final String FOLDER = "graders/expectations";

    private enum Mode { LIVE, RECORD, STORED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mode mode;
    private final Path folder;
    /** lab folder → (dataset + " | " + key) → table. */
    private final Map<String, SortedMap<String, ResultTable>> tables = new ConcurrentHashMap<>();
    /**
     * Live results of reference queries, by lab, dataset and query: a query only reads, and every check database of a
     * dataset starts from the same data, so its result is the same for every check and every submission (what a
     * student release relies on when it stores them). Not scripts: those advance sequences in the check's database.
     */
    private final Map<String, ResultTable> queries = new ConcurrentHashMap<>();

    private ExpectedResults(Mode mode, Path folder) {
        this.mode = mode;
        this.folder = folder;
    }

    public static ExpectedResults live() {
        return new ExpectedResults(Mode.LIVE, null);
    }

    public static ExpectedResults recording() {
        return new ExpectedResults(Mode.RECORD, null);
    }

    /** The results a student release holds under {@code courseHome}/{@value #FOLDER}. */
    public static ExpectedResults stored(Path courseHome) {
        return new ExpectedResults(Mode.STORED, courseHome.resolve(FOLDER));
    }

    /** Whether references run here (false in a student release, which has only their results). */
    public boolean runsReferences() {
        return mode != Mode.STORED;
    }

    /**
     * The expected result for {@code key} on {@code dataset} of {@code lab}: computed (and, when recording, kept), or
     * read from the release.
     */
    public ResultTable expected(String lab, String dataset, String key, Supplier<ResultTable> compute) {
        String entry = dataset + " | " + key;
        switch (mode) {
            case LIVE:
                return compute.get();
            case RECORD: {
                ResultTable table = compute.get();
                labTables(lab).put(entry, table);
                return table;
            }
            default: {
                ResultTable table = labTables(lab).get(entry);
                if (table == null) {
                    throw new ProvisioningException("This copy of the course holds no expected result for '" + key
                            + "' on the data '" + dataset + "' of lab " + lab + " (the student release was written "
                            + "without it: a bug in pglabs or in the release, not in your answer). Tell your instructor.",
                            null);
                }
                return table;
            }
        }
    }

    /**
     * As {@link #expected} for a reference that only reads (a query, not a script): run live, it runs once per lab,
     * dataset and query for all the checks and submissions graded with these results, not in every check's database.
     */
    public ResultTable expectedQuery(String lab, String dataset, String key, String sql, Supplier<ResultTable> compute) {
        if (mode != Mode.LIVE) {
            return expected(lab, dataset, key, compute);
        }
        String entry = lab + " | " + dataset + " | " + key + " | " + sql;
        ResultTable known = queries.get(entry);
        if (known != null) {
            return known;
        }
        ResultTable table = compute.get();  // two checks at once may both compute it: the same table either way
        queries.putIfAbsent(entry, table);
        return table;
    }

    /** These results for another submission of the same course: live results are shared, a recording is not. */
    public ExpectedResults forAnotherSubmission() {
        return mode == Mode.RECORD ? live() : this;
    }

    private SortedMap<String, ResultTable> labTables(String lab) {
        return tables.computeIfAbsent(lab, l -> {
            SortedMap<String, ResultTable> map = Collections.synchronizedSortedMap(new TreeMap<>());
            if (mode == Mode.STORED) {
                map.putAll(read(folder.resolve(l + ".json")));
            }
            return map;
        });
    }

    /** The labs something was recorded for. */
    public List<String> recordedLabs() {
        return tables.keySet().stream().sorted().toList();
    }

    /** How many results were recorded for a lab. */
    public int recordedCount(String lab) {
        SortedMap<String, ResultTable> map = tables.get(lab);
        return map == null ? 0 : map.size();
    }

    /** Writes what was recorded, one file per lab, under {@code courseHome}/{@value #FOLDER}. */
    public void writeTo(Path courseHome) throws IOException {
        Path out = Files.createDirectories(courseHome.resolve(FOLDER));
        for (String lab : recordedLabs()) {
            // By hand, one row a line: readable, and small enough to diff between two releases.
            StringBuilder json = new StringBuilder("{\n  \"lab\": ").append(JSON.writeValueAsString(lab))
                    .append(",\n  \"about\": ").append(JSON.writeValueAsString("Expected results of the visible "
                            + "checks: what the reference answers return on the lab's visible data, computed by "
                            + "'pglabs release'. The graders compare your answer with them."))
                    .append(",\n  \"expected\": {");
            Map<String, ResultTable> recorded;
            synchronized (tables.get(lab)) {
                recorded = new TreeMap<>(tables.get(lab));
            }
            String separator = "\n";
            for (Map.Entry<String, ResultTable> e : recorded.entrySet()) {
                ObjectNode table = toJson(e.getValue());
                JsonNode rows = table.remove("rows");
                String head = JSON.writeValueAsString(table);
                json.append(separator).append("    ").append(JSON.writeValueAsString(e.getKey())).append(": ")
                        .append(head, 0, head.length() - 1).append(",\"rows\":[");
                String rowSeparator = "\n      ";
                for (JsonNode row : rows) {
                    json.append(rowSeparator).append(JSON.writeValueAsString(row));
                    rowSeparator = ",\n      ";
                }
                json.append("]}");
                separator = ",\n";
            }
            json.append("\n  }\n}\n");
            Files.writeString(out.resolve(lab + ".json"), json, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, ResultTable> read(Path file) {
        Map<String, ResultTable> map = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("expected").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), fromJson(e.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the expected results " + file, e);
        }
        return map;
    }

    // Values keep their Java type, so the comparator and the feedback tables see what a live run sees.

    static ObjectNode toJson(ResultTable table) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode columns = node.putArray("columns");
        table.columns().forEach(columns::add);
        ArrayNode types = node.putArray("types");
        table.columnTypes().forEach(types::add);
        node.put("truncated", table.truncated());
        ArrayNode rows = node.putArray("rows");
        for (List<Object> row : table.rows()) {
            ArrayNode values = rows.addArray();
            for (Object value : row) {
                if (value == null) {
                    values.addNull();
                } else if (value instanceof String s) {
                    values.add(s);
                } else if (value instanceof Boolean b) {
                    values.add(b);
                } else {
                    values.addObject().put(tag(value),
                            value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                }
            }
        }
        return node;
    }

    static ResultTable fromJson(JsonNode node) {
        List<String> columns = new ArrayList<>();
        node.get("columns").forEach(c -> columns.add(c.asText()));
        List<String> types = new ArrayList<>();
        node.get("types").forEach(t -> types.add(t.asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : node.get("rows")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode value : row) {
                if (value.isNull()) {
                    values.add(null);
                } else if (value.isTextual()) {
                    values.add(value.asText());
                } else if (value.isBoolean()) {
                    values.add(value.asBoolean());
                } else {
                    Map.Entry<String, JsonNode> typed = value.fields().next();
                    values.add(untag(typed.getKey(), typed.getValue().asText()));
                }
            }
            rows.add(values);
        }
        ResultTable table = ResultTable.of(columns, types, rows);
        return node.path("truncated").asBoolean(false) ? table.asTruncated() : table;
    }

    private static String tag(Object value) {
        if (value instanceof BigDecimal) {
            return "decimal";
        } else if (value instanceof Double) {
            return "double";
        } else if (value instanceof LocalDate) {
            return "date";
        } else if (value instanceof LocalDateTime) {
            return "timestamp";
        } else if (value instanceof OffsetDateTime) {
            return "timestamptz";
        }
        throw new IllegalArgumentException("An expected result holds a value of type " + value.getClass().getName()
                + ", which the student release cannot store");
    }

    private static Object untag(String tag, String text) {
        return switch (tag) {
            case "decimal" -> new BigDecimal(text);
            case "double" -> Double.valueOf(text);
            case "date" -> LocalDate.parse(text);
            case "timestamp" -> LocalDateTime.parse(text);
            case "timestamptz" -> OffsetDateTime.parse(text);
            default -> throw new IllegalArgumentException("Unknown value type '" + tag + "' in an expected result");
        };
    }
}
