package dev.pglabs.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The result of a GitHub Classroom test runner, as {@code classroom-resources/autograding-grading-reporter}
 * reads it (base64-encoded, from a step output): {@code version} 1, {@code status} ({@code pass} when every
 * check passes, else {@code fail}), {@code max_score}, and {@code tests[]} with {@code name}, {@code status}
 * ({@code pass|fail|error}), {@code score} and {@code message}. The reporter adds the tests' scores up and
 * shows "Points earned/max" on the Classroom dashboard, so partial credit carries over.
 */
public final class ClassroomReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A step output is limited to 1 MB; long feedback is cut (`./pglabs grade` shows all of it). */
    static final int MAX_MESSAGE_CHARS = 4_000;

    private ClassroomReport() {
    }

    public static ObjectNode toJson(SubmissionResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        boolean allPass = result.labs().stream().flatMap(l -> l.checks().stream())
                .allMatch(c -> c.status() == CheckStatus.PASSED);
        root.put("status", allPass ? "pass" : "fail");
        root.put("max_score", result.max());
        ArrayNode tests = root.putArray("tests");
        for (LabResult lab : result.labs()) {
            for (CheckResult check : lab.checks()) {
                ObjectNode test = tests.addObject();
                test.put("name", lab.id() + " · " + check.id() + ": " + check.title());
                test.put("status", switch (check.status()) {
                    case PASSED -> "pass";
                    case FAILED -> "fail";
                    case ERROR, TIMEOUT -> "error";
                });
                test.put("score", check.points());
                String feedback = check.feedback();
                test.put("message", feedback.length() <= MAX_MESSAGE_CHARS ? feedback
                        : feedback.substring(0, MAX_MESSAGE_CHARS) + "\n… (cut; ./pglabs grade shows all of it)");
                test.put("execution_time", String.format(Locale.ROOT, "%.2fs", check.durationMs() / 1000.0));
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
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, MAPPER.writeValueAsString(toJson(result)) + "\n", StandardCharsets.UTF_8);
    }
}
