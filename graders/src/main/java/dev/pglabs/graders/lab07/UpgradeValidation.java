package dev.pglabs.graders.lab07;

import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.opentest4j.AssertionFailedError;

import javax.sql.DataSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Check 05: production upgraded with the student's folder, then Flyway's validate (with naming validation on). It
 * fails when an applied migration (V1) was edited, renamed or deleted, or a file has a name Flyway skips.
 */
final class UpgradeValidation {

    private UpgradeValidation() {
    }

    static void check(LabFiles files, CheckDatabase db, GradingSession session) {
        try (MigrationFolder folder = MigrationFolder.of(files, Lab07MigrationsGrader.LAB)) {
            List<String> unfinished = folder.withoutSql();
            if (!unfinished.isEmpty()) {
                throw new AssertionFailedError(Flyways.listing(unfinished) + (unfinished.size() == 1 ? " holds"
                        : " hold") + " no SQL yet, only comments. Validate is checked on the finished upgrade: write "
                        + "the migrations first.");
            }
            DataSource ds = Flyways.dataSource(db.studentTarget());
            BlogV1.migratedToV1(db, ds, BlogV1.rows(session.course(), BlogV1.DATA), "datasets/blog-v1/data.sql");
            Flyways.Outcome<MigrateResult> run = Flyways.migrate(db, ds, folder);
            if (!run.ok()) {
                throw new AssertionFailedError("The grader put production at version 1 (Flyway applied the original "
                        + BlogV1.V1_FILE + ") and migrated it with your folder, which failed, so the history cannot "
                        + "match your files.\n" + Flyways.explain(run.failure(), folder));
            }
            Flyways.Outcome<ValidateResult> validation = Flyways.run(db, () -> Flyway.configure(
                            Flyways.class.getClassLoader()).dataSource(ds).locations(folder.location())
                    .validateMigrationNaming(true).load().validateWithResult(), "Flyway validating");
            if (!validation.ok()) {
                throw new AssertionFailedError("flyway.validate() failed on the upgraded production database:\n"
                        + Flyways.indent(Flyways.clean(validation.failure().getMessage(), folder)));
            }
            ValidateResult result = validation.value();
            if (!result.validationSuccessful) {
                String messages = result.invalidMigrations.stream()
                        .map(o -> "- " + (o.filepath == null || o.filepath.isBlank() ? "version " + o.version
                                : folder.shown(o.filepath)) + ": " + firstLine(o.errorDetails == null ? ""
                                : o.errorDetails.errorMessage))
                        .collect(Collectors.joining("\n"));
                throw new AssertionFailedError("flyway.validate() on the upgraded production database says your "
                        + "files do not match its history:\n" + (messages.isEmpty()
                        ? Flyways.indent(Flyways.clean(result.getAllErrorMessages(), folder)) : messages));
            }
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
