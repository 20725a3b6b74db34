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
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.LinkedHashMap;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-submission report formats, checked against the schemas their platforms read. */
class PlatformReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SubmissionResult result = SampleResults.submission(1, 0, 0, 0, 1);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("JUnit XML parses with the JDK: a suite per lab, a case per check, failure or error with the feedback")
    void junitXml() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlReport.write(result, out);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toByteArray()));

        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).as("one suite per lab").isEqualTo(2);
        Element lab01 = (Element) suites.item(0);
        assertThat(lab01.getAttribute("name")).isEqualTo("01-sql-basics");
        assertThat(lab01.getAttribute("tests")).isEqualTo("5");
        assertThat(lab01.getAttribute("failures")).isEqualTo("1");
        assertThat(lab01.getAttribute("errors")).as("error and timeout").isEqualTo("2");
        assertThat(properties(lab01)).containsEntry("graderVersion", "1.2.3").containsEntry("postgresVersion", "17.11")
                .containsEntry("submissionSha256", "ab".repeat(32)).containsEntry("score", "2").containsEntry("max", "5");

        NodeList cases = lab01.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(5);
        Element passed = (Element) cases.item(0);
        assertThat(passed.getElementsByTagName("failure").getLength() + passed.getElementsByTagName("error").getLength())
                .isZero();
        Element failed = (Element) cases.item(1);
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("failed");
        assertThat(failure.getAttribute("message")).isEqualTo("Expected 3 rows, got 2.");
        assertThat(failure.getTextContent()).as("markup survives as text")
                .contains("<script>alert('x')</script> ]]> & \"q\"", "λ ✓").doesNotContain("\u0000");
        Element timeout = (Element) ((Element) cases.item(3)).getElementsByTagName("error").item(0);
        assertThat(timeout.getAttribute("type")).isEqualTo("timeout");
        assertThat(failed.getElementsByTagName("system-out").item(0).getTextContent()).contains("points: 0 / 1");
    }

    private static Map<String, String> properties(Element suite) {
        Map<String, String> props = new LinkedHashMap<>();
        NodeList list = suite.getElementsByTagName("property");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            props.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        return props;
    }

    @Test
    @DisplayName("Gradescope results.json: per-test score, max_score, status, name, output, visibility; top-level score")
    void gradescope() throws Exception {
        Path file = tmp.resolve("results/results.json");
        GradescopeReport.write(result, file);
        JsonNode json = JSON.readTree(file.toFile());

        assertThat(json.has("score")).as("Gradescope totals the tests itself, each with its visibility").isFalse();
        assertThat(json.get("extra_data").get("score").asDouble()).isEqualTo(result.score());
        assertThat(json.get("execution_time").isIntegralNumber()).isTrue();
        assertThat(json.get("execution_time").asLong()).isEqualTo(4);
        assertThat(json.get("visibility").asText()).isEqualTo("visible");
        assertThat(json.get("stdout_visibility").asText()).isEqualTo("hidden");
        assertThat(json.get("output").asText()).contains("PostgreSQL 17.11", "ab".repeat(32));
        assertThat(json.get("extra_data").get("submissionSha256").asText()).isEqualTo("ab".repeat(32));
        JsonNode tests = json.get("tests");
        assertThat(tests).hasSize(7);
        double sum = 0;
        for (JsonNode test : tests) {
            assertThat(test.fieldNames()).toIterable()
                    .contains("score", "max_score", "status", "name", "output", "visibility");
            assertThat(test.get("status").asText()).isIn("passed", "failed");
            assertThat(test.get("visibility").asText()).isIn("visible", "after_published");
            sum += test.get("score").asDouble();
        }
        assertThat(sum).as("tests add up to the score").isEqualTo(result.score());
        assertThat(tests.get(1).get("visibility").asText()).as("a hidden check").isEqualTo("after_published");
        assertThat(tests.get(1).get("output").asText()).startsWith("Expected 3 rows, got 2.\n<script>alert('x')</script>")
                .endsWith("λ ✓");
        assertThat(tests.get(2).get("output").asText()).startsWith("Your answer could not be run.");
        assertThat(tests.get(6).get("number").asText()).isEqualTo("3.2");
        assertThat(tests.get(6).get("score").asDouble()).isEqualTo(0.5);
    }

    @Test
    @DisplayName("Gradescope: before publication, visible output counts only the visible checks; hidden scores, counts "
            + "and totals are only in after_published tests (and extra_data, which students do not see)")
    void gradescopeShowsNoHiddenTotalsBeforePublication() {
        // Lab 01: visible 01 passed, 03 error, 05 passed (2 / 3); hidden 02 and 04 passed (2 / 2). Lab 03: 2.5 / 4.
        SubmissionResult partlyWrong = SampleResults.submission(1, 1, 0, 1, 1);
        JsonNode json = GradescopeReport.toJson(partlyWrong);

        String output = json.get("output").asText();
        assertThat(output).contains("visible checks: 4.5 / 7 points", "01-sql-basics: 2 / 3 (2 of 3 visible checks pass)",
                        "03-relations-joins: 2.5 / 4 (1 of 2 visible checks pass)", "appear when grades are published")
                .as("no total, lab total or count that includes the hidden checks")
                .doesNotContain("6.5", "/ 9", "/ 5", "of 5", "4 of", "2 / 2");
        assertThat(json.has("score")).isFalse();
        assertThat(json.get("visibility").asText()).isEqualTo("visible");
        double visibleScore = 0;
        for (JsonNode test : json.get("tests")) {
            boolean hidden = test.get("name").asText().contains("02-check") || test.get("name").asText().contains("04-check");
            assertThat(test.get("visibility").asText()).as(test.get("name").asText())
                    .isEqualTo(hidden ? "after_published" : "visible");
            if (!hidden) {
                visibleScore += test.get("score").asDouble();
            }
        }
        assertThat(visibleScore).isEqualTo(4.5);
        assertThat(json.get("extra_data").get("score").asDouble()).isEqualTo(6.5);
    }

    @Test
    @DisplayName("a lab the student did not start reads 'not started' on the feedback page and in Markdown, without "
            + "its checks' feedback and hints")
    void notStartedLab() {
        SubmissionResult sample = SampleResults.submission(1, 0, 0, 0, 1);
        LabResult untouched = LabResult.of("03-relations-joins", "Relations and joins", List.of(
                new CheckResult("01-joins", "01 joins tables", 0, 2, CheckStatus.FAILED, Visibility.VISIBLE,
                        "03-relations-joins/01-joins.sql has no answer yet.\n\nNudge: think about the tables.", 3)))
                .asNotStarted();
        SubmissionResult result = SubmissionResult.of("/tmp/s", List.of(sample.labs().get(0), untouched), sample.run());

        String page = FeedbackPage.render("dana", result);
        assertThat(page).contains("not started", "Not started.").doesNotContain("think about the tables");
        assertThat(page).as("a lab that was started keeps its feedback").contains("Expected 3 rows, got 2.");
        assertThat(MarkdownSummary.of(result)).contains("| not started |").doesNotContain("think about the tables");
    }

    @Test
    @DisplayName("GitHub Classroom runner result: version 1, fail unless all pass, tests with pass/fail/error and scores")
    void classroom() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassroomReport.write(result, out);
        JsonNode json = JSON.readTree(out.toByteArray());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.get("max_score").asDouble()).isEqualTo(9);
        List<String> statuses = new ArrayList<>();
        double sum = 0;
        for (JsonNode test : json.get("tests")) {
            statuses.add(test.get("status").asText());
            sum += test.get("score").asDouble();
            assertThat(test.has("name") && test.has("message")).isTrue();
        }
        assertThat(statuses).containsExactly("pass", "fail", "error", "error", "pass", "pass", "fail");
        assertThat(sum).isEqualTo(result.score());

        SubmissionResult perfect = SubmissionResult.of("/tmp/p", List.of(result.labs().get(0).checks().get(0))
                .stream().map(c -> LabResult.of("01-sql-basics", "SQL basics", List.of(c))).toList(),
                result.run());
        assertThat(ClassroomReport.toJson(perfect).get("status").asText()).isEqualTo("pass");
    }

    @Test
    @DisplayName("the Markdown summary escapes text and fences feedback so that no submission can break out of it")
    void markdown() {
        String md = MarkdownSummary.of(result);
        assertThat(md).startsWith("### pglabs: 4.5 / 9 points").contains("| 01-sql-basics SQL basics | 2 / 5 | 2 of 5 |");
        assertThat(md).contains("**02-partial** 02 gets partial credit — 0.5 / 2, failed")
                .doesNotContain("\u0000", "\u001b");
        // The feedback holds a run of six backticks, so its fence must be seven long; inside it markup is inert.
        String fenced = md.substring(md.indexOf("```````text\n"));
        assertThat(fenced).startsWith("```````text\nExpected 3 rows, got 2.\n<script>");
        assertThat(md.substring(0, md.indexOf("```````text\n"))).doesNotContain("<script>");
        assertThat(MarkdownSummary.text("a|b *c* <d>")).isEqualTo("a\\|b \\*c\\* &lt;d&gt;");
    }

    @Test
    @DisplayName("the step summary is appended when GITHUB_STEP_SUMMARY names a file, and skipped otherwise")
    void stepSummary() throws Exception {
        Path file = tmp.resolve("summary.md");
        Files.writeString(file, "earlier step\n");
        assertThat(GitHubStepSummary.append("## ours", Map.of(GitHubStepSummary.VARIABLE, file.toString())))
                .contains(file);
        assertThat(Files.readString(file)).isEqualTo("earlier step\n## ours\n");
        assertThat(GitHubStepSummary.append("## ours", Map.of())).isEmpty();
    }

    @Test
    @DisplayName("the feedback page escapes everything from the submission and shows the run's provenance")
    void feedbackPage() {
        String html = FeedbackPage.render("<img src=x onerror=alert(1)>", result);
        assertThat(html).doesNotContain("<img", "<script>", "<b>tables")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
                        "(hidden check)", "ab".repeat(32), "PostgreSQL 17.11")
                .doesNotContain("\u0000", "\u001b");
        assertThat(new String(html.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("λ ✓");
    }
}
