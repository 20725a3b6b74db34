package dev.pglabs.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Gradescope's {@code results.json} (autograder specification): one test per check with its {@code score},
 * {@code max_score}, {@code status} ({@code passed|failed}), {@code name}, {@code number} (lab.check, for
 * Gradescope's ordering), {@code output} (the feedback) and {@code visibility}; at the top level
 * {@code execution_time} in seconds, an {@code output} that says what graded it, {@code visibility} and
 * {@code stdout_visibility}, and {@code extra_data} with the grader version, PostgreSQL version and submission hash.
 *
 * <p>Hidden checks get Gradescope's {@code after_published}: students see them once the instructor publishes
 * grades, never while they can still resubmit. Nothing visible before then may add them up: the top-level
 * {@code output} (visible at once) counts the visible checks only, and there is no top-level {@code score} (it
 * would override Gradescope's own total of the tests with one that includes the hidden checks' points);
 * Gradescope adds up the tests' scores itself. The hidden totals are in {@code extra_data}, which is not shown
 * to students.
 */
public final class GradescopeReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Gradescope's visibility for our hidden checks. */
    public static final String HIDDEN_VISIBILITY = "after_published";

    private GradescopeReport() {
    }

    public static ObjectNode toJson(SubmissionResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        var run = result.run();
        root.put("execution_time", run == null ? 0 : Math.max(0, Math.round(run.durationMs() / 1000.0)));
        root.put("output", summary(result));
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("test_name_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ObjectNode extra = root.putObject("extra_data");
        extra.put("score", result.score());
        extra.put("max", result.max());
        if (run != null) {
            extra.put("graderVersion", run.graderVersion());
            extra.put("postgresVersion", run.postgresVersion());
            extra.put("provider", run.provider());
            extra.put("submissionSha256", run.submissionSha256());
            extra.put("gradedAt", run.gradedAt());
        }
        ArrayNode tests = root.putArray("tests");
        int labNumber = 0;
        for (LabResult lab : result.labs()) {
            labNumber++;
            int checkNumber = 0;
            for (CheckResult check : lab.checks()) {
                checkNumber++;
                ObjectNode test = tests.addObject();
                test.put("name", lab.id() + " · " + check.id() + ": " + check.title());
                test.put("number", labNumber(lab.id(), labNumber) + "." + checkNumber);
                test.put("score", check.points());
                test.put("max_score", check.max());
                test.put("status", check.status() == CheckStatus.PASSED ? "passed" : "failed");
                test.put("output", output(check));
                test.put("visibility", check.visibility() == Visibility.HIDDEN ? HIDDEN_VISIBILITY : "visible");
                test.putArray("tags").add(lab.id()).add(check.status().json());
            }
            if (lab.cap() != null) {
                // Gradescope totals the tests' scores: the cap takes off what the lab's checks earned above it.
                ObjectNode cap = tests.addObject();
                cap.put("name", lab.id() + " · score cap");
                cap.put("number", labNumber(lab.id(), labNumber) + "." + (checkNumber + 1));
                cap.put("score", Scores.round(lab.cap().points() - lab.cap().earned()));
                cap.put("max_score", 0);
                cap.put("status", "failed");
                cap.put("output", capitalised(lab.cap().reason()) + ".");
                // The points above the cap include hidden checks' until grades are published.
                cap.put("visibility", hasHidden(lab) ? HIDDEN_VISIBILITY : "visible");
                cap.putArray("tags").add(lab.id()).add("capped");
            }
        }
        return root;
    }

    public static void write(SubmissionResult result, OutputStream out) throws IOException {
        out.write(MAPPER.writeValueAsBytes(toJson(result)));
        out.write('\n');
        out.flush();
    }

    public static void write(SubmissionResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, (MAPPER.writeValueAsString(toJson(result)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String output(CheckResult check) {
        return switch (check.status()) {
            case PASSED -> check.feedback();
            case FAILED -> check.feedback();
            case ERROR -> "Your answer could not be run.\n" + check.feedback();
            case TIMEOUT -> "Your answer ran past its time limit and was stopped.\n" + check.feedback();
        };
    }

    private static boolean hasHidden(LabResult lab) {
        return lab.checks().stream().anyMatch(c -> c.visibility() == Visibility.HIDDEN);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "01-sql-basics" gives 1; a lab id without a number gives its position. */
    private static String labNumber(String labId, int position) {
        int end = 0;
        while (end < labId.length() && Character.isDigit(labId.charAt(end))) {
            end++;
        }
        return end == 0 ? Integer.toString(position) : Integer.toString(Integer.parseInt(labId.substring(0, end)));
    }

    /**
     * The top-level output, which students see at once: what the visible checks earned, and only that the hidden
     * checks exist and when their results appear — never their scores, counts of passes or totals.
     */
    static String summary(SubmissionResult result) {
        StringBuilder sb = new StringBuilder();
        double score = 0;
        double max = 0;
        int hidden = 0;
        for (LabResult lab : result.labs()) {
            for (CheckResult c : lab.checks()) {
                if (c.visibility() == Visibility.HIDDEN) {
                    hidden++;
                } else {
                    score += c.points();
                    max += c.max();
                }
            }
        }
        sb.append("pglabs, visible checks: ").append(Scores.format(Scores.round(score))).append(" / ")
                .append(Scores.format(Scores.round(max))).append(" points\n");
        for (LabResult lab : result.labs()) {
            List<CheckResult> visible = lab.checks().stream().filter(c -> c.visibility() != Visibility.HIDDEN)
                    .toList();
            long passed = visible.stream().filter(c -> c.status() == CheckStatus.PASSED).count();
            sb.append("  ").append(lab.id()).append(": ")
                    .append(Scores.format(Scores.round(visible.stream().mapToDouble(CheckResult::points).sum())))
                    .append(" / ")
                    .append(Scores.format(Scores.round(visible.stream().mapToDouble(CheckResult::max).sum())))
                    .append(" (").append(passed).append(" of ").append(visible.size()).append(" visible checks pass)\n");
            if (lab.cap() != null && !hasHidden(lab)) {
                sb.append("  ").append(lab.id()).append(" score ").append(lab.cap().reason()).append(".\n");
            }
        }
        if (hidden > 0) {
            sb.append("This assignment also has hidden checks, which run your answers on other data; their results "
                    + "appear when grades are published.\n");
        }
        var run = result.run();
        if (run != null) {
            sb.append("Graded by pglabs ").append(run.graderVersion()).append(" on PostgreSQL ")
                    .append(run.postgresVersion()).append("; submission SHA-256 ").append(run.submissionSha256());
        }
        return sb.toString();
    }
}
