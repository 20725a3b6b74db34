package dev.pglabs.graders.lab07;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grader's own migrations for the Java checks, so that they grade the student's Migrator alone: the original
 * V1, a small V2 and a repeatable view; V3 is what a later release adds.
 */
final class TestMigrations {

    static final String V2 = "V2__grader_check.sql";
    static final String R = "R__grader_check_view.sql";
    static final String V3 = "V3__grader_next.sql";
    static final String V3_SQL = "CREATE TABLE grader_next (id integer);\n";

    private TestMigrations() {
    }

    static MigrationFolder folder() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BlogV1.V1_FILE, BlogV1.v1());
        files.put(V2, "-- The grader's test migration.\nCREATE TABLE grader_check (id integer PRIMARY KEY, note text);\n");
        files.put(R, "-- The grader's test view.\nCREATE OR REPLACE VIEW grader_check_view AS\n"
                + "SELECT count(*) AS users FROM users;\n");
        return MigrationFolder.of("the grader's test migrations", files);
    }

    /** V2 as a teammate edits it after it was applied. */
    static String editedV2(String text) {
        return text + "\n-- edited after it was applied:\nALTER TABLE grader_check ADD COLUMN edited_later text;\n";
    }

    /** What the feedback calls the folder. */
    static String note() {
        return "the grader's own test migrations: " + BlogV1.V1_FILE + ", " + V2 + " and " + R;
    }
}
