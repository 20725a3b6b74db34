package dev.pglabs.graders.lab07;

import dev.pglabs.graders.lab07.sandboxed.MigratorCall;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why the student's Migrator did what it did, read off the Flyway its {@code flyway(…)} returns: where it looks for
 * migrations, which safety settings it changed. Each note is "" when the configuration does not explain it.
 */
final class MigratorDiagnosis {

    private final MigratorCall.Facts config;
    private final MigrationFolder folder;

    private MigratorDiagnosis(MigratorCall.Facts config, MigrationFolder folder) {
        this.config = config;
        this.folder = folder;
    }

    static MigratorDiagnosis of(StudentMigrator migrator, MigrationFolder folder) {
        StudentMigrator.Outcome<MigratorCall.Facts> flyway = migrator.flyway(folder);
        return new MigratorDiagnosis(flyway.ok() ? flyway.value() : null, folder);
    }

    /** Why a migrate applied nothing: usually the locations. */
    String whereItLooked() {
        if (config == null) {
            return "";
        }
        String locations = config.locations().stream().map(folder::shown).collect(Collectors.joining(", "));
        StringBuilder out = new StringBuilder();
        if (!locations.contains(folder.shownAs())) {
            out.append("\nYour Flyway looks for migrations in ").append(locations).append(", not in the folder it is "
                    + "given. Use .locations(\"filesystem:\" + migrations): the migrations are files on disk, not "
                    + "resources on the class path.");
        }
        if (!config.givenDataSource()) {
            out.append("\nYour Flyway does not use the DataSource it is given: pass it with .dataSource(dataSource).");
        }
        return out.toString();
    }

    /** When the migrations ran again from scratch: a Flyway with clean enabled is the likely cause. */
    String cleanNote() {
        if (config == null || config.cleanDisabled()) {
            return "";
        }
        return "\nYour Flyway has clean enabled (cleanDisabled(false)): does migrate() call clean()? It wipes the "
                + "database, history and rows included, and then every migration runs again from scratch.";
    }

    /** When migrate adopted a database without history by itself. */
    String baselineNote() {
        if (config == null || !config.baselineOnMigrate()) {
            return cleanNote();
        }
        return "\nYour Flyway has baselineOnMigrate(true): every migrate() adopts whatever non-empty database it is "
                + "pointed at. Remove it; adopting a database is Migrator.baseline(…)'s job, done once, on purpose.";
    }

    /** After an edited migration was accepted: which settings switched the safety net off. */
    String validationOff() {
        if (config == null) {
            return "";
        }
        List<String> causes = new ArrayList<>();
        if (!config.validateOnMigrate()) {
            causes.add("validateOnMigrate(false) switches off exactly this check: remove it.");
        }
        if (!config.cleanDisabled()) {
            causes.add("cleanDisabled(false): if migrate() calls clean(), the edited history is simply wiped, "
                    + "with every row.");
        }
        if (config.outOfOrder()) {
            causes.add("outOfOrder(true) lets old versions slip in after newer ones: remove it.");
        }
        if (causes.isEmpty()) {
            return "\nValidate on migrate is on in Migrator.flyway(…), so Flyway did refuse: your Migrator.migrate(…) "
                    + "must be catching its exception (or not calling flyway.migrate()). Let the exception out.";
        }
        return "\nIn Migrator.flyway(…):\n- " + String.join("\n- ", causes);
    }
}
