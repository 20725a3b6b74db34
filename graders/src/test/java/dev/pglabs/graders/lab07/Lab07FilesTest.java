package dev.pglabs.graders.lab07;

import dev.pglabs.graders.support.CourseGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lab 07's files agree with each other, and the grader reads migration folders as Flyway would. No database. */
class Lab07FilesTest {

    private static final String LAB = "07-migrations-flyway";

    @Test
    @DisplayName("V1 is the same file in the starter, the solution and the grader (production ran exactly this one)")
    void v1IsTheSameEverywhere() throws IOException {
        Path home = CourseGrading.course().home();
        String starter = Files.readString(home.resolve("labs").resolve(LAB).resolve("db/migration")
                .resolve(BlogV1.V1_FILE));
        String solution = Files.readString(home.resolve("solutions").resolve(LAB).resolve("db/migration")
                .resolve(BlogV1.V1_FILE));
        assertThat(starter).as("labs/ V1 vs the grader's").isEqualTo(BlogV1.v1());
        assertThat(solution).as("solutions/ V1 vs the grader's").isEqualTo(BlogV1.v1());
    }

    @Test
    @DisplayName("the solution has exactly the starter's migration files, so a student's names match the reference")
    void solutionMirrorsStarterFiles() throws IOException {
        Path home = CourseGrading.course().home();
        assertThat(names(home.resolve("solutions").resolve(LAB).resolve("db/migration")))
                .isEqualTo(names(home.resolve("labs").resolve(LAB).resolve("db/migration")))
                .contains(BlogV1.V1_FILE, "R__post_listing_view.sql").hasSize(5);
    }

    @Test
    @DisplayName("versions, repeatables and files that Flyway would skip are told apart as Flyway names them")
    void readsFlywayNames() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("V1__create_blog.sql", "SELECT 1;");
        files.put("V2_1__fix.sql", "SELECT 1;");
        files.put("V3_add_status.sql", "SELECT 1;");
        files.put("v4__lower.sql", "SELECT 1;");
        files.put("R__view.sql", "-- only a comment\n");
        try (MigrationFolder folder = MigrationFolder.of("db/migration", files)) {
            assertThat(folder.versions()).containsExactly("1", "2.1");
            assertThat(folder.fileOfVersion("2.1")).contains("V2_1__fix.sql");
            assertThat(folder.repeatables()).containsExactly("R__view.sql");
            assertThat(folder.withoutSql()).containsExactly("R__view.sql");
            assertThat(folder.misnamed()).hasSize(2)
                    .anySatisfy(m -> assertThat(m).startsWith("V3_add_status.sql: one underscore"))
                    .anySatisfy(m -> assertThat(m).startsWith("v4__lower.sql: starts with a lower-case letter"));
            assertThat(folder.shown("Location : " + folder.path().toAbsolutePath() + "/V2_1__fix.sql"))
                    .isEqualTo("Location : db/migration/V2_1__fix.sql");
        }
    }

    @Test
    @DisplayName("Flyway's messages lose their links and command-line tips, and name the student's files")
    void cleansFlywayMessages() {
        try (MigrationFolder folder = MigrationFolder.of("07-migrations-flyway/db/migration", Map.of())) {
            String message = String.join("\n", List.of(
                    "Validate failed: Migrations have failed validation",
                    "Migration checksum mismatch for migration version 2",
                    "Need more flexibility with validation rules? Learn more: https://help.red-gate.com/x",
                    "Location   : " + folder.path().toAbsolutePath() + "/V2__x.sql"));
            assertThat(Flyways.clean(message, folder)).isEqualTo(String.join("\n", List.of(
                    "Validate failed: Migrations have failed validation",
                    "Migration checksum mismatch for migration version 2",
                    "Location   : 07-migrations-flyway/db/migration/V2__x.sql")));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
