package dev.pglabs.graders;

import dev.pglabs.course.Course;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every provider grades the same submission the same way. The DATABASE_URL path runs when the variable is
 * set (CI sets it to the machine's PostgreSQL for a second pass); the Docker path where an engine answers.
 */
@Tag("provider")
class ProvidersTest {

    @TempDir
    static Path mixed;

    /** Right, wrong, broken and missing answers: every status but timeout, in one submission. */
    @BeforeAll
    static void writeMixedSubmission() throws Exception {
        Course course = CourseGrading.course();
        Path lab = Files.createDirectories(mixed.resolve("01-sql-basics"));
        try (var files = Files.list(course.solutionsDir().resolve("01-sql-basics"))) {
            for (Path f : files.toList()) {
                Files.copy(f, lab.resolve(f.getFileName()));
            }
        }
        Files.writeString(lab.resolve("03-latest-published.sql"),
                "SELECT title, published_at FROM posts WHERE status = 'published' ORDER BY published_at LIMIT 5");
        Files.writeString(lab.resolve("05-users-without-city.sql"), "SELECT username FROM users WHERE city = NULL");
        Files.writeString(lab.resolve("06-posts-per-status.sql"), "SELEC status, count(*) FROM posts");
        Files.delete(lab.resolve("10-delete-spam.sql"));
    }

    private static SubmissionResult gradeWith(ProviderKind kind) {
        Course course = CourseGrading.course();
        try (GradingSession session = new GradingSession(course, new Submission(mixed),
                new DatabaseFarm(Provisioning.fromEnvironment().startFresh(kind),
                        SandboxLimits.defaults()), true)) {
            return CourseGrading.grade(session, mixed, "01");
        }
    }

    /** What must not depend on the server: status, points and feedback of every check. */
    private static List<String> outcomes(SubmissionResult result) {
        return result.labs().get(0).checks().stream()
                .map(c -> c.id() + " " + c.status() + " " + c.points() + "\n" + c.feedback())
                .toList();
    }

    @Test
    @DisplayName("the embedded server grades a mixed submission as expected")
    void embeddedGrades() {
        SubmissionResult result = gradeWith(ProviderKind.EMBEDDED);
        assertThat(result.run().provider()).isEqualTo("embedded");
        var checks = CourseGrading.checks(result, "01");
        assertThat(checks.get("03-latest-published").feedback()).contains("Missing rows", "Unexpected rows", "published_at");
        assertThat(checks.get("05-users-without-city").status().json()).isEqualTo("failed");
        assertThat(checks.get("06-posts-per-status").status().json()).isEqualTo("error");
        assertThat(checks.get("10-delete-spam").feedback()).contains("is missing");
        assertThat(result.score()).isEqualTo(result.max() - 8);
    }

    @Test
    @DisplayName("DATABASE_URL and embedded grade the same submission identically")
    void urlMatchesEmbedded() {
        assumeTrue(Provisioning.fromEnvironment().databaseUrl().isPresent(),
                "DATABASE_URL is not set; .ci/run sets it for its second pass against the machine's PostgreSQL");
        SubmissionResult url = gradeWith(ProviderKind.URL);
        SubmissionResult embedded = gradeWith(ProviderKind.EMBEDDED);
        assertThat(url.run().provider()).isEqualTo("url");
        assertThat(outcomes(url)).containsExactlyElementsOf(outcomes(embedded));
        assertThat(url.score()).isEqualTo(embedded.score());
    }

    @Test
    @DisplayName("Testcontainers grades the same submission identically, where Docker answers")
    void dockerMatchesEmbedded() {
        assumeTrue(Provisioning.dockerAvailable(),
                "No Docker engine is reachable here, so the Testcontainers provider cannot start a container");
        SubmissionResult docker = gradeWith(ProviderKind.DOCKER);
        SubmissionResult embedded = gradeWith(ProviderKind.EMBEDDED);
        assertThat(docker.run().provider()).isEqualTo("docker");
        assertThat(outcomes(docker)).containsExactlyElementsOf(outcomes(embedded));
    }

    @Test
    @DisplayName("the chain picks DATABASE_URL first, then Docker, then embedded; an explicit choice wins")
    void chainOrder() {
        Provisioning withUrl = new Provisioning(Map.of("DATABASE_URL", "postgresql://u@h/db"));
        assertThat(withUrl.choose(Optional.empty())).isEqualTo(ProviderKind.URL);
        assertThat(withUrl.choose(Optional.of(ProviderKind.EMBEDDED))).isEqualTo(ProviderKind.EMBEDDED);
        Provisioning without = new Provisioning(Map.of());
        assertThat(without.choose(Optional.empty()))
                .isEqualTo(Provisioning.dockerAvailable() ? ProviderKind.DOCKER : ProviderKind.EMBEDDED);
    }

    @Test
    @DisplayName("a check id appears once per lab")
    void uniqueIds() {
        SubmissionResult result = gradeWith(ProviderKind.EMBEDDED);
        assertThat(result.labs().get(0).checks()).extracting(CheckResult::id).doesNotHaveDuplicates();
    }
}
