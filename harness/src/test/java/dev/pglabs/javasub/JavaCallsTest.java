package dev.pglabs.javasub;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaCallsTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    @TempDir
    Path root;
    CompiledSubmission code;

    @AfterEach
    void close() {
        if (code != null) {
            code.close();
        }
    }

    /** Compiles one student class implementing {@link Greeter} whose greet body is {@code body}. */
    private Greeter student(String body) throws Exception {
        Path file = root.resolve("07-java/src/main/java/student/Student.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package student;
                public class Student implements dev.pglabs.javasub.Greeter {
                    public String greet(String name) throws Exception {
                        %s
                    }
                    private static void helper() { throw new IllegalStateException("boom"); }
                }
                """.formatted(body));
        // The grader's classes are allowed here so that JavaCalls' own defences are tested too (the code policy
        // alone would refuse a student who throws them; see CodePolicyTest).
        code = JavaSubmission.sources(new Submission(root).lab("07-java"), "src/main/java")
                .policy(CodePolicy.standard().allowing("dev/pglabs/")).compile();
        return code.instantiate("student.Student", Greeter.class);
    }

    private static void assertFailure(Runnable call, CheckStatus status, String... phrases) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CheckFailure.class, f -> {
            assertThat(f.status()).isEqualTo(status);
            assertThat(f.getMessage()).contains(phrases);
        });
    }

    @Test
    void returnsWhatTheCodeReturns() throws Exception {
        Greeter g = student("return \"hi \" + name;");
        assertThat(JavaCalls.call(() -> g.greet("Rui"), LIMIT, "Student.greet")).isEqualTo("hi Rui");
    }

    @Test
    void anEndlessLoopEndsAsATimeoutQuickly() throws Exception {
        Greeter g = student("while (true) { } ");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), Duration.ofMillis(300), "Student.greet"),
                CheckStatus.TIMEOUT, "Student.greet did not finish within 0.3 s", "endless loop");
    }

    @Test
    void unboundedAllocationIsStoppedBeforeItStarvesTheGrader() throws Exception {
        // Garbage only: the heap never fills, so only the per-call budget can stop it before the time limit.
        Greeter g = student("long n = 0; while (true) { n += new byte[1 << 20].length; if (n < 0) return \"\"; }");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), Duration.ofSeconds(60), "Student.greet"),
                CheckStatus.ERROR, "Student.greet allocated more than 512 MB of memory in one call and was stopped",
                "keeps adding to a list");
    }

    @Test
    void aTodoStubIsNotImplementedYet() throws Exception {
        Greeter g = student("throw new UnsupportedOperationException(\"TODO greet the user\");");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), LIMIT, "Student.greet"), CheckStatus.FAILED,
                "Student.greet is not implemented yet: TODO greet the user");
    }

    @Test
    void otherUnsupportedOperationsAreErrors() throws Exception {
        Greeter g = student("return java.util.List.of(name).set(0, \"x\");");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), LIMIT, "Student.greet"), CheckStatus.ERROR,
                "Student.greet threw java.lang.UnsupportedOperationException", "at student.Student.greet(Student.java:4)");
    }

    @Test
    void aStudentExceptionIsAnErrorNamingTheirLines() throws Exception {
        Greeter g = student("helper(); return name;");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), LIMIT, "Student.greet"), CheckStatus.ERROR,
                "Student.greet threw java.lang.IllegalStateException: boom",
                "at student.Student.helper(Student.java:6)\n  at student.Student.greet(Student.java:4)");
    }

    @Test
    void causesAreListed() throws Exception {
        Greeter g = student("throw new RuntimeException(\"wrapped\", new java.sql.SQLException(\"no table\"));");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), LIMIT, "Student.greet"), CheckStatus.ERROR,
                "threw java.lang.RuntimeException: wrapped", "caused by java.sql.SQLException: no table");
    }

    @Test
    void theGradersOwnFailuresKeepTheirStatus() {
        assertFailure(() -> JavaCalls.run(() -> {
            throw new CheckFailure(CheckStatus.FAILED, "missing file");
        }, LIMIT, "x"), CheckStatus.FAILED, "missing file");
        assertFailure(() -> JavaCalls.run(() -> {
            throw new CheckFailure(CheckStatus.PASSED, "let me pass");
        }, LIMIT, "x"), CheckStatus.ERROR, "x threw");
    }

    @Test
    void studentCodeCannotForgePointsByThrowingPartialCredit() throws Exception {
        Greeter g = student("throw new dev.pglabs.grading.PartialCredit(100, \"free points\");");
        assertFailure(() -> JavaCalls.call(() -> g.greet("x"), LIMIT, "Student.greet"), CheckStatus.ERROR,
                "Student.greet threw dev.pglabs.grading.PartialCredit");
    }
}
