package dev.pglabs.graders.selftest;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.CheckResult;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner hands each launch its own grading context (session and lab): two submissions graded at the same time in
 * one JVM, as grade-class and the golden tests do, each see only their own, and the lab the runner grades.
 */
class GradingContextTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("two submissions graded at once each get their own session and the lab the runner was given")
    void concurrentLaunchesKeepTheirOwnContext() throws Exception {
        GradingSession shared = CourseGrading.session();
        // Not the lab the probe's @Grader names: the runner's lab is the one carried to the checks.
        Lab lab = shared.course().lab("02-schema-design");
        ContextProbeGrader.enable(2);
        try {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> feedback(shared, lab, "first"));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> feedback(shared, lab, "second"));

            assertThat(first.get()).contains("handed lab 02-schema-design", "marker first",
                    "files in the session's submission: true");
            assertThat(second.get()).contains("handed lab 02-schema-design", "marker second",
                    "files in the session's submission: true");
        } finally {
            ContextProbeGrader.enable(0);
        }
    }

    /** The probe's feedback for a submission whose marker says {@code name}. */
    private String feedback(GradingSession shared, Lab lab, String name) {
        try {
            Path root = tmp.resolve(name);
            Files.createDirectories(root.resolve(lab.folder()));
            Files.writeString(root.resolve(lab.folder()).resolve("marker.txt"), name + "\n");
            List<CheckResult> checks = new GradingRunner().grade(shared.forSubmission(new Submission(root)), lab,
                    ContextProbeGrader.class, GradingProgress.SILENT).labs().get(0).checks();
            assertThat(checks).hasSize(1);
            return checks.get(0).feedback();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
