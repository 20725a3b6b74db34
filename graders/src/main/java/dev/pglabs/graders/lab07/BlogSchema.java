package dev.pglabs.graders.lab07;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.CatalogInspector.Column;
import dev.pglabs.grading.Problems;
import dev.pglabs.provisioning.CheckDatabase;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The blog's schema as the tasks define it: the migration files that must be there and the columns they leave. */
final class BlogSchema {

    private static final List<String> VERSIONS = List.of("1", "2", "3", "4");
    private static final Map<String, String> STARTER_NAMES = Map.of(
            "1", BlogV1.V1_FILE, "2", "V2__add_post_status.sql", "3", "V3__split_full_name.sql",
            "4", "V4__clean_emails_add_constraints.sql");

    private BlogSchema() {
    }

    /** The versions the tasks name must all be there, with names Flyway reads. */
    static void requireVersions(MigrationFolder folder) {
        Problems problems = new Problems();
        for (String version : VERSIONS) {
            problems.addIf(folder.fileOfVersion(version).isEmpty(), version.equals("1")
                    ? BlogV1.V1_FILE + " is missing. It is already applied to production: put the original back "
                    + "(it is in the starter) and never change it."
                    : "there is no V" + version + " migration (the starter's is " + STARTER_NAMES.get(version) + ").");
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(folder.shownAs() + " does not hold the migrations of the tasks:\n"
                    + problems.bullets() + misnamedNote(folder));
        }
    }

    /** The files Flyway skips because of their names, as a note for feedback ("" when there are none). */
    static String misnamedNote(MigrationFolder folder) {
        List<String> misnamed = folder.misnamed();
        return misnamed.isEmpty() ? "" : "\nFlyway skips these files without a word, because of their names:\n- "
                + String.join("\n- ", misnamed);
    }

    /** The columns that the upgrade, the constraints and the view rely on, as the tasks define them. */
    static Problems problems(CheckDatabase db) {
        CatalogInspector catalog = new CatalogInspector(db);
        Problems problems = new Problems();
        Optional<Column> status = catalog.column("posts", "status");
        if (status.isEmpty()) {
            problems.add("posts has no column status (V2).");
        } else {
            problems.addIf(!status.get().isText(), "posts.status is " + status.get().describeType()
                    + "; make it text (V2).");
            problems.addIf(!status.get().notNull(), "posts.status may be NULL: make it NOT NULL once every row has "
                    + "a value (V2).");
            String def = status.get().defaultExpression();
            problems.addIf(def == null || !def.contains("'draft'"), "posts.status has " + (def == null
                    ? "no DEFAULT" : "DEFAULT " + def) + ": new posts start as DEFAULT 'draft' (V2).");
        }
        Optional<Column> first = catalog.column("users", "first_name");
        if (first.isEmpty()) {
            problems.add("users has no column first_name (V3).");
        } else {
            problems.addIf(!first.get().isText(), "users.first_name is " + first.get().describeType()
                    + "; make it text (V3).");
            problems.addIf(!first.get().notNull(), "users.first_name may be NULL: make it NOT NULL once every row "
                    + "has one (V3).");
        }
        Optional<Column> last = catalog.column("users", "last_name");
        if (last.isEmpty()) {
            problems.add("users has no column last_name (V3).");
        } else {
            problems.addIf(!last.get().isText(), "users.last_name is " + last.get().describeType()
                    + "; make it text (V3).");
            problems.addIf(last.get().notNull(), "users.last_name is NOT NULL, but a one-word name has no last "
                    + "name: leave it nullable (V3).");
        }
        problems.addIf(catalog.column("users", "full_name").isPresent(), "users still has the column full_name: V3 "
                + "drops it once the names are copied.");
        return problems;
    }

    /** Before the grader inserts its test rows: the columns they need must exist. */
    static void requireColumns(CheckDatabase db, String what) {
        CatalogInspector catalog = new CatalogInspector(db);
        List<String> missing = new ArrayList<>();
        for (String column : List.of("users.first_name", "users.last_name", "users.email", "posts.status")) {
            String[] parts = column.split("\\.");
            if (catalog.column(parts[0], parts[1]).isEmpty()) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("To test " + what + " the grader adds rows to the migrated schema, but it "
                    + "has no column " + String.join(", ", missing) + ". Check 01 lists what V2 and V3 must add.");
        }
    }
}
