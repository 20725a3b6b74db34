package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Progress;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hint command gives one more hint per call, then says it was the last; none when everything passed. */
class HintCommandTest {

    private static String pglabs(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.commandLine().execute(args)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    @DisplayName("each call shows one hint more, up to the last")
    void stepByStep() {
        pglabs("hint", "01", "05", "--reset");
        String second = pglabs("hint", "01", "05");
        assertThat(second).contains("1/2", "2/2", "That was the last hint");
        String first = pglabs("hint", "01", "05-users-without-city", "--reset");
        assertThat(first).contains("1/2").doesNotContain("2/2").contains("Run the same command again");
    }

    @Test
    @DisplayName("without an exercise, after a grading where every check passed, it says so instead of a hint")
    void allPassed(@TempDir Path state) {
        String before = System.getProperty("pglabs.state");
        System.setProperty("pglabs.state", state.toString());
        try {
            Course course = Course.locate();
            Progress progress = Progress.load(course);
            progress.recordResult(LabResult.of("01-sql-basics", "SQL basics", List.of(new CheckResult("01-all-tags",
                    "01 returns every column of every tag", 1, 1, CheckStatus.PASSED, Visibility.VISIBLE, "", 3))));
            progress.save();
            assertThat(pglabs("hint", "01")).contains("Every check of 01-sql-basics passed")
                    .doesNotContain("Hints for", "1/");
            assertThat(pglabs("hint", "01", "01")).contains("Hints for 01-sql-basics/01");
        } finally {
            if (before == null) {
                System.clearProperty("pglabs.state");
            } else {
                System.setProperty("pglabs.state", before);
            }
        }
    }
}
