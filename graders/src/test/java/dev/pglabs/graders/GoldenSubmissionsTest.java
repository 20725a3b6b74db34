package dev.pglabs.graders;

import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.ExpectedResult;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.graders.support.ScenarioRegeneration;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.ScoreCap;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.scenarios.Scenario;
import dev.pglabs.scenarios.ScenarioFile;
import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.SandboxPolicy;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Golden tests of every grader, in the manner of exercism's java-test-runner: each folder
 * {@code src/test/resources/golden/<lab>/<scenario>/} is a scenario (format in golden/README.md): files laid over the
 * lab's solution or starter, and the checks whose result differs from that base. The submission is graded in
 * process by the real harness against a real PostgreSQL, exactly as {@code pglabs grade <lab>} would.
 *
 * <p>{@code -Dpglabs.golden.regenerate=true} rewrites each scenario's expected.json from the run (for review with
 * {@code git diff}), then checks the run against what it wrote.
 */
@DisplayName("Golden submissions of every lab")
class GoldenSubmissionsTest {

    /** The submissions made from scenarios, removed when the class is done. */
    private static final List<Path> MADE = new CopyOnWriteArrayList<>();

    @AfterAll
    static void removeSubmissions() {
        MADE.forEach(Folders::delete);
        MADE.clear();
    }

    static Stream<Scenario> scenarios() {
        // -Dpglabs.golden.labs=08,09 runs the scenarios of some labs only (while working on them).
        List<String> only = Stream.of(System.getProperty("pglabs.golden.labs", "").split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
        List<Scenario> all = Scenario.under(goldenRoot()).stream()
                .filter(s -> only.isEmpty() || only.stream().anyMatch(s.lab()::startsWith)).toList();
        assertThat(all).as("golden scenarios under %s", goldenRoot()).isNotEmpty();
        assertThat(all).as("golden scenarios generate no fixtures (only the hostile corpus does)")
                .allSatisfy(s -> assertThat(s.file().generate()).as(s.name()).isEmpty());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @Execution(ExecutionMode.CONCURRENT)
    @DisplayName("each golden submission gets exactly the expected status, score and feedback on every check")
    void gradesAsExpected(Scenario scenario) {
        Optional<String> forced = Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY));
        assumeTrue(!scenario.file().sandbox()
                        || SandboxPolicy.PREFER.choose(forced).orElse(null) == Isolation.BUBBLEWRAP,
                scenario.lab() + "/" + scenario + " needs the OS sandbox, and student code runs without it here: "
                        + SandboxPolicy.whyNotUsed(forced));
        String name = scenario.lab() + "/" + scenario.name();
        LabResult lab = grade(submission(scenario), scenario.lab());
        Map<String, CheckResult> checks = ExpectedResult.byId(lab);
        Map<String, CheckResult> base = ExpectedResult.byId(base(scenario));
        ScenarioFile expected = Boolean.getBoolean(ScenarioRegeneration.PROPERTY)
                ? ScenarioRegeneration.rewrite(sourceFolder(scenario), scenario.file(), checks) : scenario.file();
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(checks.keySet()).as("%s: the checks of the lab, as its base %s gets them", name,
                expected.base().key()).containsExactlyInAnyOrderElementsOf(base.keySet());
        base.values().forEach(check -> softly.assertThat(check.status())
                .as("%s: the base %s gets %s on %s; feedback:%n%s", name, expected.base().key(),
                        expected.base().unlistedStatuses(), check.id(), ExpectedResult.indent(check.feedback()))
                .isIn(expected.base().unlistedStatuses()));
        Set<String> ids = new LinkedHashSet<>(checks.keySet());
        ids.addAll(expected.statuses().keySet());
        ExpectedResult.assertChecks(softly, name, checks, expected.effectiveStatuses(ids),
                expected.feedbackContains());

        double passedPoints = checks.values().stream().filter(c -> c.status() == CheckStatus.PASSED)
                .mapToDouble(CheckResult::max).sum();
        double partialPoints = checks.values().stream().filter(c -> c.status() != CheckStatus.PASSED)
                .mapToDouble(CheckResult::points).sum();
        double earned = Scores.round(passedPoints + partialPoints);
        // A check that guards production data or security and does not pass caps the lab (ScoreCap).
        boolean guardFails = checks.values().stream()
                .anyMatch(c -> !c.guards().isEmpty() && c.status() != CheckStatus.PASSED);
        boolean capped = guardFails && earned > ScoreCap.limit(lab.max());
        softly.assertThat(lab.score()).as("%s: the score is the points of the passed checks (plus partial credit), "
                + "capped at %s when a guarding check fails", name, ScoreCap.limit(lab.max()))
                .isEqualTo(capped ? ScoreCap.limit(lab.max()) : earned);
        softly.assertThat(lab.cap() != null).as("%s: the lab result carries the cap (and why) exactly when it applies",
                name).isEqualTo(capped);
        softly.assertAll();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static LabResult grade(Path submission, String lab) {
        SubmissionResult result = CourseGrading.grade(submission, lab);
        assertThat(result.labs()).as("labs graded in %s", submission).hasSize(1);
        return result.labs().get(0);
    }

    /** The base's result, graded once for all scenarios on that base (and for CourseIntegrityTest). */
    private static LabResult base(Scenario scenario) {
        Path folder = scenario.base(CourseGrading.course().home());
        return CourseGrading.courseFolder(folder.getParent(), scenario.lab());
    }

    /** The folder to grade: the scenario's base with its files laid over it. */
    private static Path submission(Scenario scenario) {
        try {
            Path root = Files.createTempDirectory("pglabs-golden-");
            MADE.add(root);
            scenario.materialise(CourseGrading.course().home(), root.resolve(scenario.lab()));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario's folder, where a regenerated file goes. */
    private static Path sourceFolder(Scenario scenario) {
        return goldenRoot().resolve(scenario.lab()).resolve(scenario.name());
    }

    private static Path goldenRoot() {
        return Folders.corpus("golden");
    }
}
