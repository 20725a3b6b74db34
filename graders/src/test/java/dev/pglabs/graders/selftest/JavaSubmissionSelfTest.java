package dev.pglabs.graders.selftest;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.pglabs.results.CheckStatus.ERROR;
import static dev.pglabs.results.CheckStatus.FAILED;
import static dev.pglabs.results.CheckStatus.PASSED;
import static dev.pglabs.results.CheckStatus.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grades golden Java submissions (src/test/resources/java-submissions/&lt;scenario&gt;) with
 * {@link SelfTestJavaGrader}, in process through the Platform Launcher as the CLI does: the engine compiles,
 * loads and calls student Java and reports each way it can go wrong.
 */
@Tag("provider")
class JavaSubmissionSelfTest {

    private static final String LAB = "01-sql-basics";
    private static final String COUNT = "java-count-tags";
    private static final String FAST = "java-count-tags:fast";

    @BeforeAll
    static void enableGrader() {
        SelfTestJavaGrader.enable(true);
    }

    @AfterAll
    static void disableGrader() {
        SelfTestJavaGrader.enable(false);
    }

    private static LabResult gradeLab(String scenario) throws URISyntaxException {
        Path submission = Path.of(JavaSubmissionSelfTest.class.getResource("/java-submissions/" + scenario).toURI());
        GradingSession session = CourseGrading.session().forSubmission(new Submission(submission));
        Lab lab = session.course().lab(LAB);
        SubmissionResult result = new GradingRunner().grade(session, lab, SelfTestJavaGrader.class,
                GradingProgress.SILENT);
        return result.labs().get(0);
    }

    private static Map<String, CheckResult> grade(String scenario) throws URISyntaxException {
        LabResult lab = gradeLab(scenario);
        assertThat(lab.checks()).extracting(CheckResult::id).containsExactly(COUNT, FAST);
        return lab.checks().stream().collect(Collectors.toMap(CheckResult::id, c -> c));
    }

    @Test
    @DisplayName("a correct submission passes every check")
    void correct() throws Exception {
        LabResult lab = gradeLab("correct");
        assertThat(lab.checks()).allSatisfy(c -> assertThat(c.status()).as(c.feedback()).isEqualTo(PASSED));
        assertThat(lab.score()).isEqualTo(lab.max()).isEqualTo(3);
    }

    @Test
    @DisplayName("the untouched stub fails as not implemented yet")
    void stub() throws Exception {
        assertThat(grade("stub").values()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(FAILED);
            assertThat(c.feedback()).contains("StudentTagCounter.countTags is not implemented yet: TODO count the tags");
        });
    }

    @Test
    @DisplayName("code that does not compile is an error listing file and line")
    void compileError() throws Exception {
        assertThat(grade("compile-error").values()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ERROR);
            assertThat(c.feedback()).startsWith("Your Java code does not compile:")
                    .contains("src/main/java/selftest/StudentTagCounter.java:13: ';' expected");
        });
    }

    @Test
    @DisplayName("a wrong answer fails with the expected and the actual count")
    void wrongAnswer() throws Exception {
        Map<String, CheckResult> checks = grade("wrong-answer");
        assertThat(checks.get(COUNT).status()).isEqualTo(FAILED);
        assertThat(checks.get(COUNT).feedback()).contains("returned 42", "actual 42").containsPattern("expected \\d+");
        assertThat(checks.get(FAST).status()).isEqualTo(PASSED);
    }

    @Test
    @DisplayName("an endless loop ends as a timeout within the check's limit")
    void endlessLoop() throws Exception {
        Map<String, CheckResult> checks = grade("endless-loop");
        assertThat(checks.get(COUNT).status()).isEqualTo(TIMEOUT);
        assertThat(checks.get(COUNT).feedback()).contains("StudentTagCounter.countTags did not finish within 5 s");
        assertThat(checks.get(FAST).status()).isEqualTo(TIMEOUT);
        assertThat(checks.get(FAST).feedback()).contains("did not finish within 3 s");
    }
}
