package dev.pglabs.graders.lab07;

import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.provisioning.CheckDatabase;

import java.util.Arrays;
import java.util.List;

/** What Flyway wrote down in a check's database: its flyway_schema_history table, oldest first. */
final class SchemaHistory {

    static final String TABLE = "flyway_schema_history";

    private final CheckDatabase db;
    private final GraderReads reads;

    SchemaHistory(CheckDatabase db, GraderReads reads) {
        this.db = db;
        this.reads = reads;
    }

    /** Rank, version, description, type, script, success (empty when there is no history table). */
    List<List<Object>> rows() {
        if (!new CatalogInspector(db).hasTable(TABLE)) {
            return List.of();
        }
        return reads.table("SELECT installed_rank::text, version::text, description::text, type::text, "
                + "script::text, success::text FROM " + TABLE + " ORDER BY installed_rank").rows();
    }

    /** The scripts applied successfully, in order, without the baseline marker. */
    List<String> appliedScripts() {
        return rows().stream().filter(r -> "true".equals(r.get(5)) && !"BASELINE".equals(r.get(3)))
                .map(r -> String.valueOf(r.get(4))).toList();
    }

    int appliedCount(String script) {
        return (int) appliedScripts().stream().filter(script::equals).count();
    }

    boolean baselinedAt(String version) {
        return rows().stream().anyMatch(r -> "BASELINE".equals(r.get(3)) && version.equals(r.get(1)));
    }

    /** The history as a table for feedback. */
    String shown() {
        List<List<Object>> rows = rows().stream()
                .map(r -> Arrays.asList(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5))).toList();
        return rows.isEmpty() ? "(there is no " + TABLE + " table)" : TABLE + ":\n"
                + TableFormatter.format(List.of("installed_rank", "version", "type", "script", "success"), rows, 12)
                .stripTrailing();
    }
}
