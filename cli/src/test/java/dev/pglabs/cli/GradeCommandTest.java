package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The grade command as users call it: exit codes, the JSON result, messages. */
class GradeCommandTest {

    @TempDir
    Path tmp;

    private static PglabsRun pglabs(String... args) {
        return PglabsRun.of(args);
    }

    @Test
    @DisplayName("grading the solutions writes a JSON result with the full score and exits 0")
    void solutionsFullMarks() throws Exception {
        Path result = tmp.resolve("r.json");
        PglabsRun run = pglabs("grade", "01", "--submission", Course.locate().solutionsDir().toString(),
                "--format", "json", "--out", result.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.toFile());
        assertThat(json.get("max").asDouble()).isPositive();
        assertThat(json.get("score").asDouble()).isEqualTo(json.get("max").asDouble());
        JsonNode check = json.get("labs").get(0).get("checks").get(0);
        assertThat(check.fieldNames()).toIterable()
                .contains("id", "title", "points", "max", "status", "visibility", "feedback");
        assertThat(check.get("status").asText()).isEqualTo("passed");
        assertThat(run.out()).contains("Score", "01-sql-basics");
    }

    @Test
    @DisplayName("JSON on standard output stays parseable: progress goes to standard error")
    void jsonToStdout() throws Exception {
        PglabsRun run = pglabs("grade", "01", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("score").asDouble()).as("the untouched starters").isZero();
        assertThat(json.get("labs").get(0).get("checks")).allSatisfy(c ->
                assertThat(c.get("feedback").asText()).isNotBlank());
        assertThat(run.err()).contains("01-sql-basics");
    }

    @Test
    @DisplayName("an unknown lab is a usage error (exit 2) that lists the labs")
    void unknownLab() {
        PglabsRun run = pglabs("grade", "99");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("There is no lab '99'", "01-sql-basics");
    }

    @Test
    @DisplayName("a submission folder that does not exist cannot be graded (exit 1, says which)")
    void missingSubmission() {
        Path missing = tmp.resolve("nope");
        PglabsRun run = pglabs("grade", "01", "--submission", missing.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString(), "does not exist");
    }

    @Test
    @DisplayName("list shows the labs in course order")
    void list() {
        PglabsRun run = pglabs("list");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("01-sql-basics", "SQL basics");
    }

    @Test
    @DisplayName("a broken answer still grades: the score is partial and the run exits 0")
    void partialSubmission() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("sub/01-sql-basics"));
        Files.writeString(lab.resolve("01-all-tags.sql"), "SELECT id, name FROM tags;");
        Files.write(lab.resolve("02-users-in-lisbon.sql"), new byte[]{(byte) 0xFF, (byte) 0xFE, 0x41});
        Path result = tmp.resolve("p.json");
        PglabsRun run = pglabs("grade", "01", "--submission", tmp.resolve("sub").toString(), "--format", "json",
                "--out", result.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode lab01 = new ObjectMapper().readTree(result.toFile()).get("labs").get(0);
        JsonNode checks = lab01.get("checks");
        assertThat(checks.get(0).get("status").asText()).isEqualTo("passed");
        assertThat(checks.get(1).get("status").asText()).isEqualTo("error");
        assertThat(checks.get(1).get("feedback").asText()).contains("not valid UTF-8");
        // A student's own run: visible checks only, the hidden ones counted for the instructor.
        assertThat(checks.findValuesAsText("visibility")).containsOnly("visible");
        assertThat(lab01.get("hiddenNotRun").get("checks").asInt()).isEqualTo(10);
        assertThat(lab01.get("max").asDouble()).isEqualTo(10);
    }

    @Test
    @DisplayName("grade --all runs the hidden checks too, and their feedback for students shows no hidden data")
    void allChecksForInstructors() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("sub/01-sql-basics"));
        // Hard-coded for today's data: right on the visible data, wrong on the hidden variant.
        Files.writeString(lab.resolve("02-users-in-lisbon.sql"),
                "SELECT username, email FROM users WHERE id IN (1, 9, 15, 24);");
        Path result = tmp.resolve("all.json");
        PglabsRun run = pglabs("grade", "01", "--all", "--submission", tmp.resolve("sub").toString(), "--format", "json",
                "--out", result.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode lab01 = new ObjectMapper().readTree(result.toFile()).get("labs").get(0);
        assertThat(lab01.has("hiddenNotRun")).isFalse();
        assertThat(lab01.get("max").asDouble()).isEqualTo(20);
        JsonNode hidden = null;
        for (JsonNode check : lab01.get("checks")) {
            if (check.get("id").asText().equals("02-users-in-lisbon:hidden")) {
                hidden = check;
            }
        }
        assertThat(hidden).isNotNull();
        assertThat(hidden.get("status").asText()).isEqualTo("failed");
        assertThat(hidden.get("feedback").asText()).contains("The data of hidden checks is not shown.")
                .doesNotContain("Missing row", "@", "-+-");
        assertThat(hidden.get("instructorFeedback").asText()).contains("Missing row", "@");
        assertThat(run.out()).doesNotContain("Missing row");
    }
}
