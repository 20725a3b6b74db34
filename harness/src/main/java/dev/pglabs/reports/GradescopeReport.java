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
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gradescope's {@code results.json} (autograder specification): one test per check with its {@code score},
 * {@code max_score}, {@code status} ({@code passed|failed}), {@code name}, {@code number} (lab.check, for
 * Gradescope's ordering), {@code output} (the feedback) and {@code visibility}; at the top level the
 * {@code score}, {@code execution_time} in seconds, an {@code output} that says what graded it, and
 * {@code extra_data} with the grader version, PostgreSQL version and submission hash.
 *
 * <p>Hidden checks get Gradescope's {@code after_published}: students see them once the instructor publishes
 * grades, never while they can still resubmit.
 */
public final class GradescopeReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Gradescope's visibility for our hidden checks. */
    public static final String HIDDEN_VISIBILITY = "after_published";

    private GradescopeReport() {
    }

    public static ObjectNode toJson(SubmissionResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("score", result.score());
        var run = result.run();
        root.put("execution_time", run == null ? 0 : Math.max(0, Math.round(run.durationMs() / 1000.0)));
        root.put("output", summary(result));
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("test_name_format", "text");
        root.put("stdout_visibility", "hidden");
        ObjectNode extra = root.putObject("extra_data");
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
        Files.write(file, (MAPPER.writeValueAsString(toJson(result)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String output(CheckResult check) {
        return switch (check.status()) {
            case PASSED -> check.feedback();
            case FAILED -> check.feedback();
            case ERROR -> "Your answer could not be run.\n" + check.feedback();
            case TIMEOUT -> "Your answer ran past its time limit and was stopped.\n" + check.feedback();
        };
    }

    /** "01-sql-basics" gives 1; a lab id without a number gives its position. */
    private static String labNumber(String labId, int position) {
        int end = 0;
        while (end < labId.length() && Character.isDigit(labId.charAt(end))) {
            end++;
        }
        return end == 0 ? Integer.toString(position) : Integer.toString(Integer.parseInt(labId.substring(0, end)));
    }

    private static String summary(SubmissionResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append("pglabs: ").append(Scores.format(result.score())).append(" / ").append(Scores.format(result.max()))
                .append(" points\n");
        for (LabResult lab : result.labs()) {
            long passed = lab.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
            sb.append("  ").append(lab.id()).append(": ").append(Scores.format(lab.score())).append(" / ")
                    .append(Scores.format(lab.max())).append(" (").append(passed).append(" of ")
                    .append(lab.checks().size()).append(" checks pass)\n");
        }
        var run = result.run();
        if (run != null) {
            sb.append("Graded by pglabs ").append(run.graderVersion()).append(" on PostgreSQL ")
                    .append(run.postgresVersion()).append("; submission SHA-256 ").append(run.submissionSha256());
        }
        return sb.toString();
    }
}
