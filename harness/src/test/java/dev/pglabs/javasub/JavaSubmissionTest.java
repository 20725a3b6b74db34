package dev.pglabs.javasub;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.Submission;
import dev.pglabs.submission.SubmissionProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaSubmissionTest {

    @TempDir
    Path root;
    LabFiles lab;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("07-java"));
        lab = new Submission(root).lab("07-java");
    }

    private void write(String file, String text) throws Exception {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String file, byte[] bytes) throws Exception {
        Path path = root.resolve("07-java/src/main/java").resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, bytes);
    }

    private static void assertProblem(Runnable action, CheckStatus status, String... phrases) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SubmissionProblem.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.getMessage()).contains(phrases);
        });
    }

    @Test
    void compilesAgainstTheCourseClasspathAndSharesItsInterfaces() throws Exception {
        write("student/Hello.java", """
                package student;

                import dev.pglabs.javasub.Greeter;

                public class Hello implements Greeter {
                    // The JDBC driver is on the course classpath, so student code may use it.
                    private final String state = org.postgresql.util.PSQLState.UNDEFINED_TABLE.getState();

                    public String greet(String name) {
                        return "Olá " + name + " " + state + " " + new Helper().twice();
                    }
                }
                """);
        write("student/Helper.java", "package student;\nclass Helper { int twice() { return 42; } }\n");
        Path classes;
        try (CompiledSubmission code = JavaSubmission.compile(lab, "src/main/java")) {
            classes = code.classesDir();
            assertThat(classes.resolve("student/Hello.class")).exists();
            Greeter greeter = code.instantiate("student.Hello", Greeter.class);
            assertThat(greeter.greet("Ana")).isEqualTo("Olá Ana 42P01 42");
            assertThat(code.load("student.Hello").getClassLoader()).isSameAs(code.classLoader());
            assertThat(Greeter.class.isInstance(greeter)).isTrue();
        }
        assertThat(classes).doesNotExist();
    }

    @Test
    void submissionClassesWinOverSameNamedClassesOnTheClasspath() throws Exception {
        write("dev/pglabs/javasub/Shadowed.java", """
                package dev.pglabs.javasub;
                public class Shadowed implements Greeter {
                    public String greet(String name) { return "student"; }
                }
                """);
        try (CompiledSubmission code = JavaSubmission.compile(lab, "src/main/java")) {
            assertThat(code.instantiate("dev.pglabs.javasub.Shadowed", Greeter.class).greet("x")).isEqualTo("student");
        }
    }

    @Test
    void compileErrorsNameFileLineAndMessage() throws Exception {
        write("student/Broken.java", """
                package student;
                public class Broken {
                    int x = 5
                }
                """);
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.ERROR,
                "Your Java code does not compile:",
                "src/main/java/student/Broken.java:3: ';' expected",
                // The line, and a caret under the column javac names (just after the 5).
                "      > int x = 5\n                 ^");
    }

    @Test
    void missingQueryBeansSayWhereTheyComeFrom() throws Exception {
        write("blog/repo/Posts.java", """
                package blog.repo;
                import blog.model.query.QPost;
                public class Posts {
                    Object all() { return new QPost(); }
                }
                """);
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.ERROR,
                "package blog.model.query does not exist",
                "About package blog.model.query: query beans",
                "once the entity they are named after is mapped");
    }

    @Test
    void errorsOfSeveralFilesAreAllListed() throws Exception {
        write("student/One.java", "package student;\npublic class One { int x = \"text\"; }\n");
        write("student/Other.java", """
                package student;
                public class Other {
                    String s = undefinedThing();
                }
                """);
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.ERROR,
                "src/main/java/student/One.java:2: incompatible types",
                "src/main/java/student/Other.java:3: cannot find symbol\n      symbol:");
    }

    @Test
    void manyCompileErrorsAreCapped() throws Exception {
        StringBuilder body = new StringBuilder("package student;\npublic class Many {\n");
        for (int i = 0; i < 15; i++) {
            body.append("    Missing").append(i).append(" f").append(i).append(";\n");
        }
        write("student/Many.java", body.append("}\n").toString());
        assertThatThrownBy(() -> JavaSubmission.compile(lab, "src/main/java"))
                .isInstanceOf(SubmissionProblem.class)
                .hasMessageContaining("… and 5 more errors")
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.contains("Many.java:"))).hasSize(10));
    }

    @Test
    void nonUtf8SourcesAreRefusedWithTheLine() throws Exception {
        write("student/Latin.java", "package student;\npublic class Latin { String s = \"caf\u00e9\"; }\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.ERROR,
                "07-java/src/main/java/student/Latin.java is not valid UTF-8 (byte 0xE9 on line 2)");
    }

    @Test
    void missingOrEmptySourceRootFails() throws Exception {
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.FAILED,
                "07-java/src/main/java is missing");
        Files.createDirectories(root.resolve("07-java/src/main/java/student"));
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.FAILED, "has no .java files");
        assertThatThrownBy(() -> JavaSubmission.compile(lab, "../elsewhere"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkedSourcesAreRefused() throws Exception {
        Path outside = Files.writeString(root.resolve("secret.txt"), "not java");
        Files.createDirectories(root.resolve("07-java/src/main/java"));
        try {
            Files.createSymbolicLink(root.resolve("07-java/src/main/java/Secret.java"), outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return;  // no symbolic links on this file system
        }
        assertProblem(() -> JavaSubmission.compile(lab, "src/main/java"), CheckStatus.ERROR,
                "is a link to a file outside your submission");
    }

    @Test
    void missingClassWrongTypeAndNoConstructorFail() throws Exception {
        write("student/NotAGreeter.java", "package student;\npublic class NotAGreeter { }\n");
        write("student/NeedsArgs.java", """
                package student;
                public class NeedsArgs implements dev.pglabs.javasub.Greeter {
                    public NeedsArgs(int x) { }
                    public String greet(String name) { return name; }
                }
                """);
        try (CompiledSubmission code = JavaSubmission.compile(lab, "src/main/java")) {
            assertProblem(() -> code.instantiate("student.Hello", Greeter.class), CheckStatus.FAILED,
                    "The class student.Hello is missing", "07-java/src/main/java/student/Hello.java");
            assertProblem(() -> code.instantiate("student.NotAGreeter", Greeter.class), CheckStatus.FAILED,
                    "student.NotAGreeter does not implement dev.pglabs.javasub.Greeter",
                    "public class NotAGreeter implements Greeter");
            assertProblem(() -> code.instantiate("student.NeedsArgs", Greeter.class), CheckStatus.FAILED,
                    "needs a public constructor without parameters");
        }
    }

    @Test
    void aFailingConstructorIsTheStudentsError() throws Exception {
        write("student/Fragile.java", """
                package student;
                public class Fragile implements dev.pglabs.javasub.Greeter {
                    private static final int LIMIT = Integer.parseInt("many");
                    public String greet(String name) { return name; }
                }
                """);
        try (CompiledSubmission code = JavaSubmission.compile(lab, "src/main/java")) {
            assertThatThrownBy(() -> code.instantiate("student.Fragile", Greeter.class))
                    .isInstanceOfSatisfying(dev.pglabs.results.CheckFailure.class,
                            f -> assertThat(f.status()).isEqualTo(CheckStatus.ERROR))
                    .hasMessageContaining("new Fragile() threw java.lang.NumberFormatException")
                    .hasMessageContaining("at student.Fragile.<clinit>(Fragile.java:3)");
        }
    }

    @Test
    void javaSourcesClosesWhatItCompiled() throws Exception {
        write("student/Hi.java", "package student;\npublic class Hi { }\n");
        Path classes;
        try (JavaSources sources = new JavaSources(lab, getClass().getClassLoader())) {
            classes = sources.compile().classesDir();
            assertThat(classes).exists();
        }
        assertThat(classes).doesNotExist();
    }
}
