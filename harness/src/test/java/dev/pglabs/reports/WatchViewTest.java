package dev.pglabs.reports;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.HiddenNotRun;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch view: one exercise at a time, a progress bar by exercise, lines wrapped between words. */
class WatchViewTest {

    private static final String LONG_FEEDBACK = "01-sql-basics/03-latest-published.sql returned 4 rows where 5 were "
            + "expected: the newest published posts, newest first, and only published ones.";

    private static CheckResult check(String id, boolean passed, String feedback) {
        return new CheckResult(id, id + " does its part", passed ? 1 : 0, 1,
                passed ? CheckStatus.PASSED : CheckStatus.FAILED, Visibility.VISIBLE, passed ? "" : feedback, 5);
    }

    /** Exercise 01 passed; exercise 02 has two checks, one failing; exercise 03 fails with long feedback. */
    private static LabResult lab() {
        return LabResult.of("01-sql-basics", "SQL basics", List.of(check("01-all-tags", true, ""),
                check("02-users-columns", true, ""), check("02-users-rules", false, "Add a UNIQUE constraint."),
                check("03-latest-published", false, LONG_FEEDBACK)), new HiddenNotRun(3, 3));
    }

    private static String view(LabResult result, List<String> justPassed, int width, boolean colour) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), colour)
                .watchView(result, justPassed, width);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("shows the progress by exercise and only the first exercise not passed, with its feedback")
    void firstUnpassedExerciseOnly() {
        String shown = view(lab(), List.of("01"), 100, false);
        assertThat(shown).contains("1/3 exercises, 2/4 points", "✓ exercise 01 passed", "Exercise 02",
                "✓ 02-users-columns does its part  1/1", "✗ 02-users-rules does its part  0/1",
                "Add a UNIQUE constraint.", "./pglabs hint 01", "3 hidden checks (3 points)");
        assertThat(shown).doesNotContain("Exercise 03", "03-latest-published", "\u001b");
        assertThat(shown.lines().filter(l -> l.startsWith("[")).findFirst().orElseThrow())
                .startsWith("[#").contains(">-");
    }

    @Test
    @DisplayName("wraps feedback between words to the width, keeping the indent, and colours only when asked")
    void wrapsAtWordBoundaries() {
        LabResult onlyThird = LabResult.of("01-sql-basics", "SQL basics",
                List.of(check("03-latest-published", false, LONG_FEEDBACK)));
        String shown = view(onlyThird, List.of(), 40, false);
        List<String> feedback = shown.lines().filter(l -> l.startsWith("      ")).toList();
        assertThat(feedback).hasSizeGreaterThan(2);
        assertThat(String.join(" ", feedback.stream().map(String::strip).toList())).isEqualTo(LONG_FEEDBACK);
        // Every line fits, except a word longer than the width: it stays whole, on a line of its own.
        assertThat(shown.lines()).allSatisfy(line -> assertThat(line.length() <= 40 || !line.strip().contains(" "))
                .as(line).isTrue());
        assertThat(shown).contains("      01-sql-basics/03-latest-published.sql\n");
        assertThat(view(onlyThird, List.of(), 40, true)).contains("\u001b[31m✗\u001b[0m");
    }

    @Test
    @DisplayName("a complete lab says so")
    void complete() {
        LabResult done = LabResult.of("01-sql-basics", "SQL basics", List.of(check("01-all-tags", true, "")));
        assertThat(view(done, List.of("01"), 80, false)).contains("1/1 exercises", "✓ exercise 01 passed",
                "Every check passes. Lab complete!").doesNotContain("Exercise 01");
    }
}
