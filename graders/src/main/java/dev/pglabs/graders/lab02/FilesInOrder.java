package dev.pglabs.graders.lab02;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Problems;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import dev.pglabs.submission.SubmissionProblem;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;

import static dev.pglabs.graders.lab02.Exercises.ALTER_FILE;
import static dev.pglabs.graders.lab02.Exercises.POSTS_FILE;
import static dev.pglabs.graders.lab02.Exercises.PROFILES_FILE;
import static dev.pglabs.graders.lab02.Exercises.USERS_FILE;

/**
 * The student's four files run one after another on one empty database, as a migration tool would run them. A
 * file whose tables a later file needs failed (or was not run), so that later file is not run either, and the
 * feedback says which file it waited for: one mistake reported once, where it is.
 */
final class FilesInOrder {

    private record Step(String file, String table, List<String> dependsOn) {
    }

    private static final List<Step> STEPS = List.of(
            new Step(USERS_FILE, "users", List.of()),
            new Step(PROFILES_FILE, "profiles", List.of(USERS_FILE)),
            new Step(POSTS_FILE, "posts", List.of(USERS_FILE)),
            new Step(ALTER_FILE, null, List.of(USERS_FILE, POSTS_FILE)));

    private FilesInOrder() {
    }

    /** Runs the files in order; fails (an error when a file could not be read or run) unless all of them ran. */
    static CheckDatabase run(LabFiles files, SqlCheck sql) {
        List<String> failed = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        Problems problems = new Problems();
        boolean error = false;
        CheckDatabase db = null;
        for (Step step : STEPS) {
            List<String> brokenDependencies = step.dependsOn().stream()
                    .filter(f -> failed.contains(f) || notRun.contains(f)).toList();
            if (!brokenDependencies.isEmpty()) {
                notRun.add(step.file());
                problems.add(step.file() + " was not run: " + (step.table() == null ? "it changes "
                        : step.table() + " depends on ") + describeDependencies(brokenDependencies, notRun) + ".");
                continue;
            }
            try {
                SqlAnswer answer = files.sql(step.file());
                if (db == null) {
                    db = sql.database();
                }
                db.student().execute(answer.statements(), answer.origin());
            } catch (SubmissionProblem | StudentSqlException e) {
                failed.add(step.file());
                error |= ((CheckFailure) e).status() == CheckStatus.ERROR;
                problems.add(e instanceof SubmissionProblem ? e.getMessage() : step.file() + " failed: "
                        + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            String message = "Your files are run in order (01, 02, 03, 04) on an empty database, the way a migration "
                    + "tool runs migrations. Not all of them ran:\n\n- " + String.join("\n\n- ", problems.list());
            throw new CheckFailure(error ? CheckStatus.ERROR : CheckStatus.FAILED, message);
        }
        return db;
    }

    /** After all four files: the three tables, connected by their foreign keys, and the column 04 adds. */
    static void assertSchema(CheckDatabase db) {
        CatalogInspector catalog = new CatalogInspector(db);
        List<String> missing = new ArrayList<>();
        for (String table : List.of("users", "profiles", "posts")) {
            if (!catalog.hasTable(table)) {
                missing.add(table);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("All four files ran, but afterwards there is no table "
                    + String.join(", ", missing) + ". " + catalog.explainMissing(missing.get(0)));
        }
        for (String table : List.of("profiles", "posts")) {
            if (catalog.foreignKeys(table, "user_id").stream().noneMatch(fk -> fk.referencedTable().equals("users"))) {
                throw new AssertionFailedError("All four files ran, but " + table + ".user_id does not reference "
                        + "users: after your files, the tables are not connected by a foreign key.");
            }
        }
        if (catalog.column("users", "is_active").isEmpty()) {
            throw new AssertionFailedError("All four files ran, but users has no column is_active afterwards.");
        }
    }

    /** "users from 01-users.sql, which failed, and posts from 03-posts.sql, which was not run". */
    private static String describeDependencies(List<String> files, List<String> notRun) {
        List<String> parts = new ArrayList<>();
        for (String file : files) {
            parts.add((file.equals(USERS_FILE) ? "users" : "posts") + " from " + file + ", which "
                    + (notRun.contains(file) ? "was not run" : "failed"));
        }
        return String.join(", and ", parts);
    }
}
