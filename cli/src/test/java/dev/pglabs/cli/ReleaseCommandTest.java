package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pglabs release}: the student repository holds what builds and grades, and nothing of the solutions or of
 * the hidden checks (code and data); its graders compile without the hidden classes; grading there runs the visible
 * checks and says how many hidden ones exist; instructor modes refuse clearly. The full Maven build of a release is
 * a CI step (docs/instructors.md), this test stays in process and fast.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseCommandTest {

    @TempDir
    static Path tmp;
    static Path release;
    static Course course;

    @BeforeAll
    static void writeRelease() {
        course = Course.locate();
        release = tmp.resolve("student-repo");
        PglabsRun run = PglabsRun.of("release", release.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote the student release", "solutions/");
    }

    @Test
    @Order(1)
    @DisplayName("the release has the build, the labs and the graders, but no solutions, hidden classes or hidden data")
    void leavesOutSolutionsAndHiddenChecks() throws IOException {
        assertThat(release.resolve("pom.xml")).isRegularFile();
        assertThat(release.resolve("pglabs")).isExecutable();
        assertThat(release.resolve("graders/pom.xml")).isRegularFile();
        assertThat(release.resolve(".github/workflows/classroom.yml")).isRegularFile();
        assertThat(release.resolve("solutions")).doesNotExist();
        assertThat(release.resolve(".ci")).doesNotExist();
        assertThat(release.resolve("graders/src/test")).doesNotExist();
        assertThat(release.resolve("docs/instructors.md")).doesNotExist();
        for (Lab lab : course.labs()) {
            assertThat(release.resolve("labs").resolve(lab.folder()).resolve("README.md")).isRegularFile();
            assertThat(Files.readString(release.resolve(graderSource(lab.grader())))).contains("@Grader");
            if (lab.hiddenGrader() != null) {
                assertThat(release.resolve(graderSource(lab.hiddenGrader()))).doesNotExist();
            }
            lab.hiddenFiles().forEach(f -> assertThat(release.resolve(f)).doesNotExist());
            lab.datasets().forEach((name, scripts) -> {
                if (Lab.isHiddenDataset(name)) {
                    scripts.stream().filter(s -> !visibleScripts().contains(s))
                            .forEach(s -> assertThat(release.resolve("datasets").resolve(s)).doesNotExist());
                }
            });
        }
        assertThat(Files.readString(release.resolve("README.md"))).doesNotContain("release:omit");
    }

    @Test
    @Order(2)
    @DisplayName("no value of the hidden data (a row only a hidden dataset holds) appears anywhere in the release")
    void noHiddenValuesAnywhere() throws IOException {
        StringBuilder visible = new StringBuilder();
        for (String script : visibleScripts()) {
            // Unescaped as values() unescapes: 'Liam O''Brien' in SQL is Liam O'Brien.
            visible.append(Files.readString(course.home().resolve("datasets").resolve(script)).replace("''", "'"))
                    .append('\n');
        }
        Set<String> secrets = new TreeSet<>();
        for (Lab lab : course.labs()) {
            for (var dataset : lab.datasets().entrySet()) {
                if (Lab.isHiddenDataset(dataset.getKey())) {
                    for (String script : dataset.getValue()) {
                        secrets.addAll(values(Files.readString(course.home().resolve("datasets").resolve(script))));
                    }
                }
            }
            for (String file : lab.hiddenFiles()) {
                secrets.addAll(values(Files.readString(course.home().resolve(file))));
            }
        }
        // Values the visible data holds too (a base row the variant repeats, a date inside a timestamp) are no secret.
        secrets.removeIf(v -> visible.indexOf(v) >= 0);
        assertThat(secrets).as("values only the hidden data holds").hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(release)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                secrets.stream().filter(text::contains).forEach(s -> leaks.add(release.relativize(file) + ": " + s));
            }
        }
        assertThat(leaks).as("values of hidden data found in the release").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("the release's course.json marks it and counts each lab's hidden checks, with no hidden datasets")
    void manifestCountsHiddenChecks() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(release.resolve("course.json").toFile());
        assertThat(manifest.get("studentRelease").asBoolean()).isTrue();
        for (JsonNode lab : manifest.get("labs")) {
            assertThat(lab.has("hiddenGrader")).isFalse();
            assertThat(lab.has("hiddenFiles")).isFalse();
            lab.get("datasets").fieldNames().forEachRemaining(name -> assertThat(Lab.isHiddenDataset(name)).isFalse());
            assertThat(lab.get("hiddenChecks").get("checks").asInt()).isGreaterThanOrEqualTo(0);
        }
        assertThat(manifest.get("labs").get(0).get("hiddenChecks").get("checks").asInt()).isEqualTo(10);
    }

    @Test
    @Order(4)
    @DisplayName("the release's graders compile without the hidden classes")
    void gradersCompileWithoutHiddenClasses() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // The classpath of this test minus the graders' own classes: a reference to a left-out class must fail.
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').contains("graders/target/classes")
                        && !entry.contains("pglabs-graders"))
                .collect(Collectors.joining(File.pathSeparator));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(release.resolve("graders/src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Path out = Files.createDirectories(tmp.resolve("compiled-graders"));
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-proc:none", "--release", "17", "-classpath",
                    classpath, "-d", out.toString()), null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as("javac on the release's graders: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    @Test
    @Order(5)
    @DisplayName("in the release, grade runs the visible checks of lab 01 (starters score 0) and reports the hidden count")
    void gradesInTheRelease() throws IOException {
        Path result = tmp.resolve("starters.json");
        PglabsRun run = inRelease("grade", "01", "--format", "json", "--out", result.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.toFile());
        JsonNode lab = json.get("labs").get(0);
        assertThat(json.get("score").asDouble()).isZero();
        assertThat(lab.get("max").asDouble()).isEqualTo(10);
        assertThat(lab.get("checks").findValuesAsText("visibility")).hasSize(10).containsOnly("visible");
        assertThat(lab.get("hiddenNotRun").get("checks").asInt()).isEqualTo(10);
        assertThat(lab.get("hiddenNotRun").get("points").asDouble()).isEqualTo(10);
        assertThat(run.out()).contains("10 hidden checks (10 points) are graded by your instructor",
                "out of the visible checks' points");
    }

    @Test
    @Order(6)
    @DisplayName("in the release, the instructor modes refuse with a clear message (exit 1) instead of crashing")
    void instructorModesRefuse() {
        for (String[] args : List.of(new String[]{"grade", "01", "--all"},
                new String[]{"grade-class", tmp.toString(), "--out", tmp.resolve("grades").toString()},
                new String[]{"verify", "01"},
                new String[]{"gradescope-autograder", "01", "--out", tmp.resolve("ag.zip").toString()},
                new String[]{"release", tmp.resolve("again").toString()})) {
            PglabsRun run = inRelease(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err()).as(String.join(" ", args)).containsAnyOf("student copy", "already a student release")
                    .doesNotContain("Exception");
        }
    }

    @Test
    @Order(7)
    @DisplayName("release refuses a folder that exists and is not empty, and writes nothing there")
    void refusesNonEmptyFolder() throws IOException {
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        PglabsRun run = PglabsRun.of("release", busy.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("exists and is not empty");
        try (Stream<Path> left = Files.list(busy)) {
            assertThat(left).containsExactly(busy.resolve("notes.txt"));
        }
    }

    private static PglabsRun inRelease(String... args) {
        String before = System.getProperty("pglabs.home");
        System.setProperty("pglabs.home", release.toString());
        try {
            return PglabsRun.of(args);
        } finally {
            if (before == null) {
                System.clearProperty("pglabs.home");
            } else {
                System.setProperty("pglabs.home", before);
            }
        }
    }

    private static Path graderSource(String className) {
        return Path.of("graders/src/main/java", className.replace('.', '/') + ".java");
    }

    private static Set<String> visibleScripts() {
        return course.labs().stream().flatMap(l -> l.datasets().entrySet().stream())
                .filter(e -> !Lab.isHiddenDataset(e.getKey())).flatMap(e -> e.getValue().stream())
                .collect(Collectors.toSet());
    }

    /** The values of a data file that could identify it: quoted SQL strings and CSV cells of 8 characters or more. */
    private static Set<String> values(String data) {
        Set<String> values = new TreeSet<>();
        Matcher quoted = Pattern.compile("'((?:[^']|'')+)'").matcher(data);
        while (quoted.find()) {
            values.add(quoted.group(1).replace("''", "'"));
        }
        for (String line : data.split("\\R")) {
            if (!line.startsWith("--") && line.contains(",") && !line.contains("'")) {
                values.addAll(List.of(line.split(",")));
            }
        }
        values.removeIf(v -> v.strip().length() < 8);
        return values;
    }
}
