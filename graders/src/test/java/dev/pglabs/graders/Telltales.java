package dev.pglabs.graders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a hostile submission must never get into its feedback, by name: secrets the test plants (a file outside the
 * submission, the grader's environment, a system property of the grader) and a line of each file of the machine and
 * the course that the corpus tries to read (the reference answers, a hidden dataset, the host name). Each hostile
 * case labels what it found ("host=…"); a labelled telltale names a value only that case could have printed.
 */
final class Telltales {

    /** Put into the grader's environment by Surefire (graders/pom.xml). */
    static final String ENV_SECRET = "PGLABS_HOSTILE_SECRET";
    /** Put into the grader's system properties while the corpus is graded. */
    static final String PROPERTY_SECRET = "pglabs.hostile.secret";

    private Telltales() {
    }

    /** Description → text that must appear in no feedback. */
    static Map<String, String> of(Path course, String fileSecret, String propertySecret) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("the secret file outside the submission", fileSecret);
        out.put("the secret in the grader's environment", System.getenv(ENV_SECRET));
        out.put("the secret system property of the grader", propertySecret);
        out.put("the superuser URL in the grader's environment", System.getenv("PGLABS_HOSTILE_SUPERUSER_URL"));
        out.put("the hidden dataset", longestStatement(course.resolve("datasets/blog/variant-hidden.sql")));
        out.put("the reference solution", longestStatement(course.resolve("solutions/01-sql-basics/01-all-tags.sql")));
        out.put("the grader's reference", longestStatement(course.resolve(
                "graders/src/main/resources/dev/pglabs/graders/lab01/references/01-all-tags.sql")));
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(Files.readString(course.resolve("pom.xml")));
        if (artifact.find()) {
            out.put("the course's pom.xml", "pom=" + artifact.group(1));
        }
        Path hostname = Path.of("/etc/hostname");
        if (Files.isReadable(hostname) && !Files.readString(hostname).isBlank()) {
            out.put("the machine's host name", "host=" + Files.readString(hostname).strip());
        }
        out.put("a superuser session on the machine's server", "pg=postgres");
        out.put("a session as postgres through the check's relay", "relay=postgres");
        out.put("a session on another port", "other=postgres");
        out.put("a grader resource found by the class loader", "resource=file:");
        out.put("a grader resource found in a jar", "resource=jar:");
        out.put("the output of student code", "pglabs-hostile-flood");
        out.values().forEach(v -> {
            if (v == null || v.isBlank()) {
                throw new IllegalStateException("a telltale is missing: " + out + " (run through Maven: Surefire "
                        + "puts " + ENV_SECRET + " into the environment)");
            }
        });
        return out;
    }

    /** The longest line that is not an SQL comment: a statement only that file holds. */
    private static String longestStatement(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--")).toList();
        return lines.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }
}
