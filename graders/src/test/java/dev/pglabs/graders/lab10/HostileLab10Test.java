package dev.pglabs.graders.lab10;

import dev.pglabs.graders.support.CountingListener;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.worker.SandboxPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Lab 10's {@code DatabaseUrl.parse} as a hostile student writes it: every way out that the bytecode policy lets
 * through (library paths: XML entities, an XSLT transform that writes a file, JDBC to the machine's own server as
 * {@code postgres} and to another port, the environment) is tried, and what it finds is put into the JDBC URL the
 * grader shows back. In the worker's sandbox nothing of the machine comes back, nothing is written, nothing is
 * reached; the checks of the parser fail as wrong answers and the rest of the lab is graded as for the solution.
 */
@Tag("provider")
@DisplayName("Lab 10: a parser that tries to read, write and reach the machine gets nothing out of the sandbox")
class HostileLab10Test {

    @TempDir
    Path root;

    @Test
    void nothingOfTheMachineComesBack() throws Exception {
        assumeFalse("process".equals(System.getProperty(SandboxPolicy.PROPERTY)),
                "without the OS sandbox, student code can read the machine: that is what --unsafe-no-sandbox gives up");
        Path course = CourseGrading.course().home();
        Path submission = root.resolve("student");
        Folders.copyTree(course.resolve("solutions/10-rds-connections"), submission.resolve("10-rds-connections"));
        Path parser = submission.resolve("10-rds-connections/src/main/java/app/db/DatabaseUrl.java");
        Path hidden = course.resolve("datasets/blog/variant-hidden.sql");
        Path planted = Path.of(System.getProperty("java.io.tmpdir"), "pglabs-hostile-" + UUID.randomUUID() + ".xml");
        try (CountingListener other = new CountingListener()) {
            Files.writeString(parser, hostile(Files.readString(parser), hidden, planted, other.port()));

            SubmissionResult result = CourseGrading.grade(submission, "10");
            Map<String, CheckResult> checks = CourseGrading.checks(result, "10");
            String feedback = String.join("\n", checks.values().stream().map(CheckResult::feedback).toList());

            assertThat(checks.get("01-parse-simple").status()).as(checks.get("01-parse-simple").feedback())
                    .isEqualTo(CheckStatus.FAILED);
            assertThat(feedback).as("what the parser sent back").contains("LEAK[");
            System.out.println("What the hostile parser found in the sandbox: " + feedback.substring(
                    feedback.indexOf("#LEAK["), feedback.indexOf("]", feedback.indexOf("#LEAK[")) + 1));
            String path = System.getenv("PATH");
            if (path != null && path.length() > 8) {
                assertThat(feedback).as("the grader's environment").doesNotContain(path);
            }
            String hiddenLine = Files.readAllLines(hidden).stream().filter(l -> l.length() > 30).findFirst().orElseThrow();
            assertThat(feedback).as("the hidden dataset").doesNotContain(hiddenLine.strip());
            Path hostname = Path.of("/etc/hostname");
            if (Files.isReadable(hostname) && Files.readString(hostname).strip().length() > 3) {
                assertThat(feedback).as("the machine's host name").doesNotContain("HOST=" + Files.readString(hostname)
                        .strip());
            }
            assertThat(feedback).as("a superuser session on the machine's server").doesNotContain("PG=postgres");
            assertThat(planted).as("a file written through XSLT").doesNotExist();
            assertThat(other.reached()).as("connections that reached a port of the grader's machine").isZero();
            // What does not go through the parser is the solution's, and is graded as such.
            assertThat(checks.get("05-iam-token").status()).isEqualTo(CheckStatus.PASSED);
            assertThat(checks.get("05-iam-refresh").status()).isEqualTo(CheckStatus.PASSED);
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    /** The solution's parser, renamed, behind a parse that adds what it could find to the JDBC URL. */
    private static String hostile(String solution, Path hidden, Path planted, int otherPort) {
        String renamed = solution.replace("public static JdbcSettings parse(String databaseUrl)",
                "static JdbcSettings honestParse(String databaseUrl)");
        assertThat(renamed).as("the solution's parse signature").isNotEqualTo(solution);
        String leak = """
                    public static JdbcSettings parse(String databaseUrl) {
                        JdbcSettings honest = honestParse(databaseUrl);
                        StringBuilder leak = new StringBuilder("#LEAK[");
                        leak.append("ENV=").append(System.getenv());
                        leak.append(" HOST=").append(entity("file:///etc/hostname"));
                        leak.append(" HIDDEN=").append(entity("%s"));
                        leak.append(" WROTE=").append(write("%s"));
                        leak.append(" PG=").append(query("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres"));
                        leak.append(" OTHER=").append(query("jdbc:postgresql://127.0.0.1:%d/x", "x"));
                        return new JdbcSettings(honest.jdbcUrl() + leak + "]", honest.properties());
                    }

                    private static String entity(String uri) {
                        try {
                            String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \\"" + uri + "\\">]><x>&e;</x>";
                            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                            return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                                    new java.io.StringReader(xml))).getDocumentElement().getTextContent().strip();
                        } catch (Exception e) {
                            return e.getClass().getSimpleName();
                        }
                    }

                    private static String write(String uri) {
                        try {
                            javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                                    new javax.xml.transform.stream.StreamSource(new java.io.StringReader("<x>planted</x>")),
                                    new javax.xml.transform.stream.StreamResult("file://" + uri));
                            return "yes";
                        } catch (Exception e) {
                            return e.getClass().getSimpleName();
                        }
                    }

                    private static String query(String url, String user) {
                        java.util.Properties p = new java.util.Properties();
                        p.setProperty("user", user);
                        p.setProperty("connectTimeout", "3");
                        try (var c = java.sql.DriverManager.getConnection(url, p);
                             var rs = c.createStatement().executeQuery("SELECT current_user")) {
                            rs.next();
                            return rs.getString(1);
                        } catch (Exception e) {
                            return e.getClass().getSimpleName();
                        }
                    }
                """.formatted(hidden.toUri().toString(), planted, otherPort);
        int end = renamed.lastIndexOf('}');
        return renamed.substring(0, end) + leak + "}\n";
    }

}
