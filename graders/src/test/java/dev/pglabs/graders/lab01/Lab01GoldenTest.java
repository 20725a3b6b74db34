package dev.pglabs.graders.lab01;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the lab 01 grader, in the manner of exercism's java-test-runner: each folder under
 * {@code src/test/resources/golden/lab01/} is a submission ({@code <scenario>/01-sql-basics/*.sql}) next to the
 * result it must get ({@code <scenario>/expected.json}, format in that folder's README.md). The submission is
 * graded in process by the real harness against a real PostgreSQL, exactly as {@code pglabs grade 01} would.
 */
@DisplayName("Lab 01 · golden submissions")
class Lab01GoldenTest {

    private static final String LAB = "01";
    private static final String LAB_FOLDER = "01-sql-basics";
    private static final String GOLDEN = "/golden/lab01";
    /** Keys of expected.json that are not check ids. */
    private static final List<String> RESERVED_KEYS = List.of("description", "feedbackContains");
    /** A stopped statement reports within the limit, the watchdog's grace and some slack for a busy machine. */

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Graded once per JVM: the table-rendering test reuses the result of its scenario. */
    private static final Map<String, SubmissionResult> GRADED = new ConcurrentHashMap<>();

    /** One golden folder and what its expected.json says. */
    record Scenario(String name, String description, Path submission, Map<String, CheckStatus> statuses,
                    Map<String, List<String>> feedbackContains) {
        @Override
        public String toString() {
            return name + " (" + description + ")";
        }
    }

    static Stream<Scenario> scenarios() throws IOException {
        try (Stream<Path> folders = Files.list(goldenRoot())) {
            List<Scenario> all = folders.filter(Files::isDirectory).sorted().map(Lab01GoldenTest::load).toList();
            assertThat(all).as("golden scenarios under %s", goldenRoot()).isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @DisplayName("each golden submission gets exactly the expected status, score and feedback on every check")
    void gradesAsExpected(Scenario scenario) {
        LabResult lab = labResult(scenario.name());
        Map<String, CheckResult> checks = byId(lab);
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(checks.keySet())
                .as("%s: the checks of lab 01 are exactly the ones listed in expected.json", scenario.name())
                .containsExactlyInAnyOrderElementsOf(scenario.statuses().keySet());

        scenario.statuses().forEach((id, expected) -> {
            CheckResult check = checks.get(id);
            if (check == null) {
                return; // reported by the key-set assertion above
            }
            softly.assertThat(check.status())
                    .as("%s: status of %s; its feedback was:%n%s", scenario.name(), id, indent(check.feedback()))
                    .isEqualTo(expected);
            if (expected == CheckStatus.PASSED) {
                softly.assertThat(check.feedback()).as("%s: feedback of the passed check %s", scenario.name(), id)
                        .isEmpty();
            } else {
                softly.assertThat(check.feedback()).as("%s: feedback of the %s check %s", scenario.name(),
                        expected.json(), id).isNotBlank();
            }
        });

        scenario.feedbackContains().forEach((id, phrases) -> {
            softly.assertThat(scenario.statuses()).as("%s: feedbackContains names a check of the lab", scenario.name())
                    .containsKey(id);
            CheckResult check = checks.get(id);
            if (check != null) {
                softly.assertThat(check.feedback()).as("%s: feedback of %s", scenario.name(), id)
                        .contains(phrases);
            }
        });

        long passed = checks.values().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        long expectedPassed = scenario.statuses().values().stream().filter(s -> s == CheckStatus.PASSED).count();
        softly.assertThat(lab.max()).as("%s: points available (1 per check)", scenario.name())
                .isEqualTo((double) scenario.statuses().size());
        softly.assertThat(lab.score()).as("%s: the score is the number of passed checks", scenario.name())
                .isEqualTo((double) passed)
                .isEqualTo((double) expectedPassed);
        softly.assertAll();
    }

    @Test
    @DisplayName("a wrong answer's feedback shows the expected rows as a psql-style table with the row counts")
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

        // passes-some/07 returns the unrounded average: one row, one value differs.
        CheckResult unrounded = byId(labResult("passes-some")).get("07-view-stats");
        assertThat(unrounded.feedback())
                .as("feedback of 07 with an unrounded average")
                .contains("Expected 1 row, your query returned 1, but some values differ.")
                .contains("Missing row (expected but not in your result):")
                .contains("Unexpected row (in your result but not expected):")
                .containsPattern("(?m)^ published_posts \\| total_views \\| +avg_views \\| max_views$")
                .containsPattern("(?m)^ +74 \\| +107671 \\| +1455\\.01 \\| +6492$")
                .containsPattern("(?m)^ +74 \\| +107671 \\| 1455\\.0135135135135135 \\| +6492$");
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

    // ---- helpers ------------------------------------------------------------------------------------

    private static LabResult labResult(String scenario) {
        SubmissionResult result = GRADED.computeIfAbsent(scenario,
                name -> CourseGrading.grade(goldenRoot().resolve(name), LAB));
        assertThat(result.labs()).as("labs graded for %s", scenario).hasSize(1);
        return result.labs().get(0);
    }

    private static Map<String, CheckResult> byId(LabResult lab) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        for (CheckResult check : lab.checks()) {
            assertThat(checks.put(check.id(), check)).as("check id %s appears once", check.id()).isNull();
        }
        return checks;
    }

    private static Scenario load(Path folder) {
        String name = folder.getFileName().toString();
        Path file = folder.resolve("expected.json");
        try {
            assertThat(folder.resolve(LAB_FOLDER)).as("%s holds the submission in %s/", name, LAB_FOLDER)
                    .isDirectory();
            JsonNode json = JSON.readTree(file.toFile());
            Map<String, CheckStatus> statuses = new LinkedHashMap<>();
            json.properties().forEach(field -> {
                if (!RESERVED_KEYS.contains(field.getKey())) {
                    statuses.put(field.getKey(), status(file, field.getKey(), field.getValue().asText()));
                }
            });
            Map<String, List<String>> phrases = new LinkedHashMap<>();
            json.path("feedbackContains").properties().forEach(field -> {
                List<String> list = new ArrayList<>();
                field.getValue().forEach(v -> list.add(v.asText()));
                phrases.put(field.getKey(), List.copyOf(list));
            });
            return new Scenario(name, json.path("description").asText(name), folder, statuses, phrases);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static CheckStatus status(Path file, String check, String text) {
        try {
            return CheckStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": status of " + check + " is '" + text
                    + "'; use passed, failed, error or timeout", e);
        }
    }

    private static Path goldenRoot() {
        URL url = Lab01GoldenTest.class.getResource(GOLDEN);
        assertThat(url).as("test resource %s", GOLDEN).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String text) {
        return text.isEmpty() ? "  (none)" : text.indent(2).stripTrailing();
    }
}
