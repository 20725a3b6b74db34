package dev.pglabs.graders.lab01;

import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.scenarios.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What lab 01's golden submissions show beyond their statuses: feedback tables and honest fixtures. */
@DisplayName("Lab 01 · feedback of golden submissions")
class Lab01FeedbackTest {

    private static final String LAB_FOLDER = "01-sql-basics";

    @Test
    @DisplayName("a wrong answer's feedback shows rows as psql-style tables, or only the values that differ")
    void wrongAnswerFeedbackShowsRowsAsTables() {
        // passes-some/05 filters with city = NULL, which matches no row.
        CheckResult nullFilter = byId(labResult("passes-some")).get("05-users-without-city");
        assertThat(nullFilter.status()).as("05 with city = NULL").isEqualTo(CheckStatus.FAILED);
        assertThat(nullFilter.feedback())
                .as("feedback of 05 with city = NULL")
                .contains("Expected 7 rows, your query returned 0.")
                .contains("Missing rows (expected but not in your result), first 5 of 7:")
                .contains(String.join("\n",
                        " username",
                        "---------------",
                        " diego.ramirez",
                        " fatima_z",
                        " kofi.mensah",
                        " noor.haddad",
                        " oskar.lind"))
                .doesNotContain("Unexpected row");

        // passes-some/07 returns the unrounded average: one row, one value differs, and only that value is shown.
        CheckResult unrounded = byId(labResult("passes-some")).get("07-view-stats");
        assertThat(unrounded.feedback())
                .as("feedback of 07 with an unrounded average")
                .contains("Expected 1 row, your query returned 1, but some values differ.")
                .contains("A row has other values than expected; only the values that differ:")
                .containsPattern("(?m)^ avg_views \\| +1455\\.01 \\| 1455\\.0135135135135135$")
                .doesNotContain("Missing row", "Unexpected row", "107671");
    }

    @Test
    @DisplayName("the not-utf8 fixture really is Latin-1 and the passes-all fixture really has a BOM and CRLF")
    void encodingFixturesAreWhatTheyClaim() throws IOException {
        byte[] latin1 = Files.readAllBytes(goldenRoot().resolve("not-utf8").resolve(LAB_FOLDER)
                .resolve("04-postgres-posts.sql"));
        assertThat(new String(latin1, StandardCharsets.ISO_8859_1))
                .as("04 of not-utf8 read as Latin-1 (an editor or Git may have re-encoded it)").contains("-- café\n");
        assertThat(latin1).as("04 of not-utf8 holds é as the single Latin-1 byte 0xE9").contains((byte) 0xE9);

        byte[] windows = Files.readAllBytes(goldenRoot().resolve("passes-all").resolve(LAB_FOLDER)
                .resolve("05-users-without-city.sql"));
        assertThat(windows).as("05 of passes-all starts with a UTF-8 BOM")
                .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(windows, StandardCharsets.UTF_8))
                .as("05 of passes-all has Windows line endings (Git may have normalised them)")
                .contains("IS NULL\r\n");

        assertThat(goldenRoot().resolve("empty-file").resolve(LAB_FOLDER).resolve("01-all-tags.sql"))
                .as("01 of empty-file is 0 bytes").isEmptyFile();
    }

    private static Map<String, CheckResult> byId(LabResult lab) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        lab.checks().forEach(c -> checks.put(c.id(), c));
        return checks;
    }

    /** A golden scenario of lab 01, made into a submission (its files laid over its base) and graded. */
    private static LabResult labResult(String scenario) {
        Path root = null;
        try {
            root = Files.createTempDirectory("pglabs-lab01-");
            Scenario.load(goldenRoot().resolve(scenario), LAB_FOLDER)
                    .materialise(CourseGrading.course().home(), root.resolve(LAB_FOLDER));
            return CourseGrading.grade(root, "01").labs().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (root != null) {
                Folders.delete(root);
            }
        }
    }

    private static Path goldenRoot() {
        return Folders.corpus("golden").resolve(LAB_FOLDER);
    }
}
