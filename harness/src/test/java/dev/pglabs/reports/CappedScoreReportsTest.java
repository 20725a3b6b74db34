package dev.pglabs.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report shows a capped lab's capped score and the one line that says why (ScoreCap). */
class CappedScoreReportsTest {

    private static final String LINE = "capped at 4: check 05-ownership guards posts against changes by users who do "
            + "not own them; fix it first";

    /** Lab 03 earns 8 of 10 points but fails its guarding check: 4. Lab 01 as in the other report tests. */
    private static SubmissionResult capped(boolean hiddenGuard) {
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            checks.add(new CheckResult("0" + i + "-check", "0" + i + " does it", 2, 2, CheckStatus.PASSED,
                    Visibility.VISIBLE, "", 5));
        }
        checks.add(new CheckResult(hiddenGuard ? "05-ownership:hidden" : "05-ownership", "05 checks the owner", 0, 2,
                CheckStatus.FAILED, hiddenGuard ? Visibility.HIDDEN : Visibility.VISIBLE, "Changed another's post.", 5)
                .guarding("posts against changes by users who do not own them"));
        LabResult lab03 = LabResult.of("03-relations-joins", "Relations and joins", checks);
        return SubmissionResult.of("/tmp/sub", List.of(SampleResults.submission(1, 1).labs().get(0), lab03),
                new SubmissionResult.RunInfo("1.2.3", "17.11", "embedded", "2026-11-26T01:02:03.456Z", 4321,
                        "ab".repeat(32), "bubblewrap"));
    }

    @Test
    @DisplayName("terminal: the lab's line, the summary table and the watch view show the capped score and why")
    void console() {
        SubmissionResult result = capped(false);
        LabResult lab = result.labs().get(1);
        assertThat(lab.score()).isEqualTo(4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleReport report = new ConsoleReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        report.labFinished(SampleResults.LAB03, lab);
        report.summary(result);
        report.watchView(lab, List.of(), 200);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("→ 4/10", "Capped at 4: check 05-ownership guards", "4/10", "  " + LINE,
                "6/12", "4/10 points");
    }

    @Test
    @DisplayName("Markdown, feedback page, JUnit XML: the capped score and the line")
    void documents() throws Exception {
        SubmissionResult result = capped(false);
        assertThat(MarkdownSummary.of(result)).contains("| 4 / 10 |", "**03-relations-joins**: " + LINE + ".");
        String page = FeedbackPage.render("ana", result);
        assertThat(page).contains("4 / 10 (capped)", "— 4 / 10</h2>", "<strong>Score " + LINE + ".</strong>");
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        JUnitXmlReport.write(result, xml);
        assertThat(xml.toString(StandardCharsets.UTF_8)).contains("name=\"score\" value=\"4\"",
                "name=\"capped\" value=\"" + LINE + "\"");
    }

    @Test
    @DisplayName("Gradescope: a 'score cap' test takes off the points above the cap, so the tests add up to the capped score")
    void gradescope() {
        for (boolean hidden : List.of(false, true)) {
            SubmissionResult result = capped(hidden);
            JsonNode json = GradescopeReport.toJson(result);
            double sum = 0;
            for (JsonNode test : json.get("tests")) {
                sum += test.get("score").asDouble();
            }
            assertThat(sum).as("tests add up to the capped score").isEqualTo(result.score()).isEqualTo(6);
            JsonNode cap = json.get("tests").get(json.get("tests").size() - 1);
            assertThat(cap.get("name").asText()).isEqualTo("03-relations-joins · score cap");
            assertThat(cap.get("score").asDouble()).isEqualTo(-4);
            assertThat(cap.get("output").asText()).startsWith("Capped at 4: check 05-ownership");
            assertThat(cap.get("visibility").asText()).as("hidden guard: %s", hidden)
                    .isEqualTo(hidden ? "after_published" : "visible");
            assertThat(json.get("output").asText().contains(LINE)).as("summary line, hidden guard: %s", hidden)
                    .isEqualTo(!hidden);
        }
    }

    @Test
    @DisplayName("gradebook CSV: a 'capped' column with the line, only when a lab of the class is capped; overview marks it")
    void classReports() throws Exception {
        Map<String, SubmissionResult> students = new LinkedHashMap<>();
        students.put("ana", capped(false));
        students.put("bo", SampleResults.submission(1, 1));
        StringWriter csv = new StringWriter();
        GradebookCsv.write(SampleResults.classOf(students), csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("student,01-sql-basics,03-relations-joins,total,capped,\"not graded\"");
        assertThat(lines.get(2)).isEqualTo("ana,2,4,6,\"03-relations-joins: " + LINE + "\",");
        assertThat(lines.get(3)).isEqualTo("bo,2,2.5,4.5,,");

        StringWriter plain = new StringWriter();
        GradebookCsv.write(SampleResults.classOf(Map.of("bo", SampleResults.submission(1, 1))), plain);
        assertThat(plain.toString().lines().findFirst().orElseThrow()).as("no capped lab, no column")
                .isEqualTo("student,01-sql-basics,03-relations-joins,total,\"not graded\"");

        String html = ClassOverviewPage.render(SampleResults.classOf(students), name -> null);
        assertThat(html).contains("title=\"" + LINE + "\">4*</td>", "<strong>03-relations-joins:</strong> " + LINE);
    }

    @Test
    @DisplayName("JSON: the lab's score is the capped one and its cap says why")
    void json() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(capped(false), out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.get("score").asDouble()).isEqualTo(6);
        assertThat(json.get("labs").get(1).get("cap").get("reason").asText()).isEqualTo(LINE);
        assertThat(json.get("labs").get(0).has("cap")).isFalse();
    }
}
