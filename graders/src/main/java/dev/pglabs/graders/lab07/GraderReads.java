package dev.pglabs.graders.lab07;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.CatalogInspector.Column;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The grader's own queries on a check's database. They run as the student's role, who owns the tables its
 * migrations created, on one session opened at the first query (the check's database closes it).
 */
final class GraderReads {

    private final CheckDatabase db;
    private StudentSession session;

    GraderReads(CheckDatabase db) {
        this.db = db;
    }

    ResultTable table(String sql) {
        if (session == null) {
            session = db.openStudent();
        }
        return session.query(sql, "the grader's query");
    }

    /** Rows by their first column (the id), each as column → value. */
    Map<String, Map<String, Object>> byId(String sql) {
        ResultTable table = table(sql);
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = 0; c < table.columns().size(); c++) {
                values.put(table.columns().get(c), row.get(c));
            }
            rows.put(String.valueOf(row.get(0)), values);
        }
        return rows;
    }

    /** The wanted columns of a table that exist, as text, by id (empty if the table or its id is gone). */
    Map<String, Map<String, Object>> existing(String table, List<String> wanted) {
        CatalogInspector catalog = new CatalogInspector(db);
        if (!catalog.hasTable(table)) {
            return Map.of();
        }
        List<String> present = catalog.columns(table).stream().map(Column::name).toList();
        if (!present.contains("id")) {
            return Map.of();
        }
        String select = wanted.stream().filter(present::contains).map(c -> c + "::text AS " + c)
                .collect(Collectors.joining(", "));
        return byId("SELECT " + select + " FROM " + table + " ORDER BY " + table + ".id");
    }
}
