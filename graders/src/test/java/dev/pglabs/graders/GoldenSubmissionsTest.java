package dev.pglabs.graders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.results.Scores;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of every grader, in the manner of exercism's java-test-runner: each folder
 * {@code src/test/resources/golden/<lab>/<scenario>/} holds a submission ({@code <lab>/…}) next to the result
 * it must get ({@code expected.json}, format in golden/README.md). The submission is graded in process by the
 * real harness against a real PostgreSQL, exactly as {@code pglabs grade <lab>} would.
 */
@DisplayName("Golden submissions of every lab")
class GoldenSubmissionsTest {

    private static final String GOLDEN = "/golden";
    /** Keys of expected.json that are not check ids. */
    private static final List<String> RESERVED_KEYS = List.of("description", "feedbackContains");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One golden folder and what its expected.json says. */
    record Scenario(String lab, String name, String description, Path submission, Map<String, CheckStatus> statuses,
                    Map<String, List<String>> feedbackContains) {
        @Override
        public String toString() {
            return lab + "/" + name + " (" + description + ")";
        }
    }

    static Stream<Scenario> scenarios() throws IOException {
        List<Scenario> all = new ArrayList<>();
        try (Stream<Path> labs = Files.list(goldenRoot())) {
            for (Path lab : labs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> folders = Files.list(lab)) {
                    folders.filter(Files::isDirectory).sorted().map(GoldenSubmissionsTest::load).forEach(all::add);
                }
            }
        }
        assertThat(all).as("golden scenarios under %s", goldenRoot()).isNotEmpty();
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @DisplayName("each golden submission gets exactly the expected status, score and feedback on every check")
    void gradesAsExpected(Scenario scenario) {
        LabResult lab = labResult(scenario);
        Map<String, CheckResult> checks = byId(lab);
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(checks.keySet())
                .as("%s: the checks of the lab are exactly the ones listed in expected.json", scenario)
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

        double passedPoints = checks.values().stream().filter(c -> c.status() == CheckStatus.PASSED)
                .mapToDouble(CheckResult::max).sum();
        double partialPoints = checks.values().stream().filter(c -> c.status() != CheckStatus.PASSED)
                .mapToDouble(CheckResult::points).sum();
        softly.assertThat(lab.score()).as("%s: the score is the points of the passed checks (plus partial credit)",
                scenario).isEqualTo(Scores.round(passedPoints + partialPoints));
        softly.assertAll();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static LabResult labResult(Scenario scenario) {
        SubmissionResult result = CourseGrading.grade(scenario.submission(), scenario.lab());
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
        String lab = folder.getParent().getFileName().toString();
        Path file = folder.resolve("expected.json");
        try {
            assertThat(folder.resolve(lab)).as("%s holds the submission in %s/", name, lab).isDirectory();
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
            return new Scenario(lab, name, json.path("description").asText(name), folder, statuses, phrases);
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
        URL url = GoldenSubmissionsTest.class.getResource(GOLDEN);
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
