package dev.pglabs.javasub;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.Submission;
import dev.pglabs.submission.SubmissionProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodePolicyTest {

    @TempDir
    Path root;
    LabFiles lab;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("08-java"));
        lab = new Submission(root).lab("08-java");
    }

    private void write(String file, String text) throws Exception {
        Path path = root.resolve("08-java/src/main/java").resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    /** A class whose method body is {@code body}, with the imports most bodies need. */
    private void method(String body) throws Exception {
        write("student/Code.java", """
                package student;

                import java.util.*;
                import java.util.concurrent.*;
                import java.nio.file.*;

                public class Code {
                    public Object run() throws Exception {
                %s
                    }
                }
                """.formatted(body));
    }

    private String refused() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> JavaSubmission.compile(lab,
                "src/main/java").close());
        assertThat(thrown).as("the policy should refuse this code").isInstanceOf(SubmissionProblem.class);
        SubmissionProblem problem = (SubmissionProblem) thrown;
        assertThat(problem.status()).isEqualTo(CheckStatus.FAILED);
        return problem.getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit(0); return null;                                  | System.exit         | end or reconfigure
            Runtime.getRuntime().halt(1); return null;                    | Runtime.halt        | end or reconfigure
            System.setOut(null); return null;                             | System.setOut       | end or reconfigure
            return new ProcessBuilder("sh").start();                      | new ProcessBuilder  | other programs
            return Runtime.getRuntime().exec("ls");                       | Runtime.exec        | end or reconfigure
            Thread t = new Thread(() -> {}); t.start(); return t;         | new Thread          | starts threads
            return Executors.newFixedThreadPool(4);                       | Executors.newFixed  | starts threads
            return CompletableFuture.supplyAsync(() -> 1);                | supplyAsync         | starts threads
            return List.of(1, 2).parallelStream().count();                | parallelStream      | starts threads
            return Class.forName("java.lang.System");                     | Class.forName       | reflection
            return String.class.getDeclaredMethods();                     | getDeclaredMethods  | reflection
            return java.lang.invoke.MethodHandles.lookup();               | MethodHandles.lookup| reflection
            return getClass().getResourceAsStream("/x");                  | getResourceAsStream | reflection
            return Files.readString(Path.of("/etc/hostname"));            | Files.readString    | files
            return new java.io.FileReader("/etc/hostname");               | new FileReader      | files
            return new java.io.PrintWriter("out.txt");                    | new PrintWriter     | files
            return new Scanner(Path.of("/etc/hostname"));                 | new Scanner         | files
            return new java.net.Socket("localhost", 80);                  | new Socket          | network
            return new java.net.URL("file:///etc/hostname").openStream(); | URL.openStream      | network
            Runnable r = System::gc; Runnable q = () -> System.exit(3); return q; | System.exit | end or reconfigure
            """)
    void refusesCodeThatReachesPastItsCheck(String body, String shown, String reason) throws Exception {
        method(body);
        String message = refused();
        assertThat(message).contains("did not run your Java code", shown, reason,
                "08-java/src/main/java/student/Code.java line ");
    }

    @Test
    void methodReferencesAreFoundLikeCalls() throws Exception {
        method("java.util.function.IntConsumer exit = System::exit; return exit;");
        assertThat(refused()).contains("System.exit", "student/Code.java line 9");
    }

    @Test
    void staticInitialisersAndNestedClassesAreRead() throws Exception {
        write("student/Outer.java", """
                package student;

                public class Outer {
                    static class Inner {
                        static { System.exit(2); }
                    }
                }
                """);
        assertThat(refused()).contains("System.exit", "08-java/src/main/java/student/Outer.java line 5");
    }

    @Test
    void callsIntoTheGraderAreRefusedButImplementingItsInterfacesIsNot() throws Exception {
        write("student/Hello.java", """
                package student;

                import dev.pglabs.javasub.Greeter;

                public class Hello implements Greeter {
                    public String greet(String name) throws Exception {
                        Greeter self = this;
                        return name.isEmpty() ? self.greet("x") : "hi " + name;
                    }
                }
                """);
        try (CompiledSubmission code = JavaSubmission.compile(lab, "src/main/java")) {
            assertThat(code.instantiate("student.Hello", Greeter.class).greet("Ana")).isEqualTo("hi Ana");
        }
        write("student/Peek.java", """
                package student;

                public class Peek {
                    Object peek() { return dev.pglabs.javasub.JavaCalls.class.getName() + new dev.pglabs.results.CheckFailure(
                            dev.pglabs.results.CheckStatus.PASSED, "forged"); }
                }
                """);
        assertThat(refused()).contains("new CheckFailure", "grader's own classes");
    }

    @Test
    void everydayJavaIsAllowed() throws Exception {
        write("student/Everyday.java", """
                package student;

                import java.io.FileNotFoundException;
                import java.nio.file.Path;
                import java.sql.Connection;
                import java.sql.DriverManager;
                import java.util.*;
                import java.util.stream.*;

                public class Everyday {
                    enum Kind { A, B }
                    record Pair(String name, int count) { }

                    public String run(Path folder) throws Exception {
                        Map<String, Integer> counts = new TreeMap<>();
                        for (String w : List.of("a", "b", "a")) {
                            counts.merge(w, 1, Integer::sum);
                        }
                        String joined = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(","));
                        String kind = switch (Kind.valueOf("A")) { case A -> "a"; case B -> "b"; };
                        Thread.sleep(1);
                        if (Thread.currentThread().isInterrupted()) {
                            Thread.currentThread().interrupt();
                        }
                        String env = System.getenv().getOrDefault("PGLABS_NOTHING", "");
                        Pair pair = new Pair("x", 1);
                        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(String.class, 1);
                        try {
                            if (folder == null) throw new FileNotFoundException("none");
                        } catch (FileNotFoundException e) {
                            return "missing";
                        }
                        return joined + kind + env + pair + array.length + folder.toAbsolutePath().resolve("x")
                                + getClass().getSimpleName();
                    }

                    Connection open(String url) throws Exception {
                        return DriverManager.getConnection(url);
                    }
                }
                """);
        try (CompiledSubmission code = JavaSubmission.compile(lab, "src/main/java")) {
            assertThat(code.load("student.Everyday")).isNotNull();
        }
    }

    @Test
    void aLabMayAllowWhatItTeaches() throws Exception {
        method("return com.sun.net.httpserver.HttpServer.create();");
        assertThat(refused()).contains("HttpServer.create");
        try (CompiledSubmission code = JavaSubmission.sources(lab, "src/main/java")
                .policy(CodePolicy.standard().allowing("com/sun/net/httpserver/")).compile()) {
            assertThat(code.load("student.Code")).isNotNull();
        }
    }

    @Test
    void feedbackGroupsPlacesByReasonAndKeepsItShort() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append("if (hashCode() == ").append(i).append(") System.exit(").append(i).append(");\n");
        }
        method(body + "return new Thread();");
        String message = refused();
        assertThat(message.split("\n- ")).hasSize(3);
        assertThat(message.split("    at ")).hasSize(1 + 5 + 1);
        assertThat(message).endsWith("Remove those calls and grade again.");
    }

    @Test
    void parametersOfADescriptor() {
        assertThat(CodePolicy.parameters("(I[JLjava/io/File;[[Ljava/lang/String;Z)V"))
                .containsExactly("I", "[J", "Ljava/io/File;", "[[Ljava/lang/String;", "Z");
        assertThat(CodePolicy.parameters("Ljava/nio/file/Path;")).containsExactly("Ljava/nio/file/Path;");
    }

    @Test
    void theRefusedCodeNeverRuns() throws Exception {
        write("student/Boom.java", """
                package student;

                public class Boom {
                    static { System.exit(9); }
                    public Boom() { }
                }
                """);
        assertThatThrownBy(() -> JavaSubmission.compile(lab, "src/main/java"))
                .isInstanceOf(SubmissionProblem.class);
        // Still here: the class was never loaded.
        assertThat(root.resolve("08-java")).exists();
    }
}
