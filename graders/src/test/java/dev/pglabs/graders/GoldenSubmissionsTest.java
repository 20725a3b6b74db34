package dev.pglabs.graders;

import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.graders.support.ExpectedResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.SandboxPolicy;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Golden tests of every grader, in the manner of exercism's java-test-runner: each folder
 * {@code src/test/resources/golden/<lab>/<scenario>/} holds a submission ({@code <lab>/…}) next to the result
 * it must get ({@code expected.json}, format in golden/README.md). The submission is graded in process by the
 * real harness against a real PostgreSQL, exactly as {@code pglabs grade <lab>} would.
 */
@DisplayName("Golden submissions of every lab")
class GoldenSubmissionsTest {

    private static final String GOLDEN = "/golden";

    /** One golden folder and what its expected.json says. */
    record Scenario(String lab, String name, String description, Path submission, boolean needsSandbox,
                    Map<String, java.util.Set<CheckStatus>> statuses,
                    Map<String, Map<CheckStatus, List<String>>> feedbackContains) {
        @Override
        public String toString() {
            return lab + "/" + name + " (" + description + ")";
        }
    }

    /**
     * expected.json key: {@code "overlay": "solutions"} makes the scenario's files an overlay on the reference solution
     * (only the changed files are kept in the folder); the test grades the solution with them laid over it.
     */
    static final String OVERLAY = "overlay";

    /**
     * expected.json key: {@code "sandbox": "bubblewrap"} for a hostile scenario whose expectations hold only in the
     * OS sandbox (without it, student code reads the machine: what --unsafe-no-sandbox gives up); skipped elsewhere.
     */
    static final String SANDBOX = "sandbox";

    /** The solution copies made for overlay scenarios, removed when the class is done. */
    private static final List<Path> OVERLAID = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterAll
    static void removeOverlays() {
        OVERLAID.forEach(Folders::delete);
        OVERLAID.clear();
    }

    static Stream<Scenario> scenarios() throws IOException {
        List<Scenario> all = new ArrayList<>();
        try (Stream<Path> labs = Files.list(goldenRoot())) {
            // -Dpglabs.golden.labs=08,09 runs the scenarios of some labs only (while working on them).
            List<String> only = List.of(System.getProperty("pglabs.golden.labs", "").split(",")).stream()
                    .map(String::strip).filter(x -> !x.isEmpty()).toList();
            for (Path lab : labs.filter(Files::isDirectory).sorted()
                    .filter(l -> only.isEmpty() || only.stream().anyMatch(o -> l.getFileName().toString().startsWith(o)))
                    .toList()) {
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
    @org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
    @DisplayName("each golden submission gets exactly the expected status, score and feedback on every check")
    void gradesAsExpected(Scenario scenario) {
        Optional<String> forced = Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY));
        assumeTrue(!scenario.needsSandbox() || SandboxPolicy.PREFER.choose(forced).orElse(null) == Isolation.BUBBLEWRAP,
                scenario + " needs the OS sandbox, and student code runs without it here: "
                        + SandboxPolicy.whyNotUsed(forced));
        LabResult lab = labResult(scenario);
        Map<String, CheckResult> checks = byId(lab);
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(checks.keySet())
                .as("%s: the checks of the lab are exactly the ones listed in expected.json", scenario)
                .containsExactlyInAnyOrderElementsOf(scenario.statuses().keySet());

        ExpectedResult.assertChecks(softly, scenario.name(), checks, scenario.statuses(),
                scenario.feedbackContains());

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
        SubmissionResult result = CourseGrading.grade(submission(scenario), scenario.lab());
        assertThat(result.labs()).as("labs graded for %s", scenario).hasSize(1);
        return result.labs().get(0);
    }

    /** The folder to grade: the scenario itself, or the solution with the scenario's files laid over it. */
    private static Path submission(Scenario scenario) {
        Path folder = scenario.submission();
        ExpectedResult expected = ExpectedResult.read(folder.resolve("expected.json"), scenario.name(), List.of(OVERLAY, SANDBOX));
        if (!expected.json().path(OVERLAY).asText("").equals("solutions")) {
            return folder;
        }
        try {
            Path root = Files.createTempDirectory("pglabs-golden-");
            OVERLAID.add(root);
            Path target = root.resolve(scenario.lab());
            Folders.copyTree(CourseGrading.course().home().resolve("solutions").resolve(scenario.lab()), target);
            Folders.copyTree(folder.resolve(scenario.lab()), target);
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, CheckResult> byId(LabResult lab) {
        return ExpectedResult.byId(lab);
    }

    private static Scenario load(Path folder) {
        String name = folder.getFileName().toString();
        String lab = folder.getParent().getFileName().toString();
        assertThat(folder.resolve(lab)).as("%s holds the submission in %s/", name, lab).isDirectory();
        ExpectedResult expected = ExpectedResult.read(folder.resolve("expected.json"), name, List.of(OVERLAY, SANDBOX));
        boolean needsSandbox = expected.json().path(SANDBOX).asText("").equals("bubblewrap");
        return new Scenario(lab, name, expected.description(), folder, needsSandbox, expected.statuses(),
                expected.feedbackContains());
    }

    private static Path goldenRoot() {
        return ExpectedResult.resourceFolder(GoldenSubmissionsTest.class, GOLDEN);
    }
}
