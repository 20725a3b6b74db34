package dev.pglabs.cli;

import dev.pglabs.authoring.CourseCheck;
import dev.pglabs.authoring.CourseRule;
import dev.pglabs.authoring.Finding;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code pglabs new-lab}: what it writes into the course, and what it refuses. (That the lab it writes passes
 * {@code verify} and {@code dev check} is {@link AuthoringDocTest}'s job: it needs a build of the copy.)
 */
class NewLabCommandTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("writes every part of the lab, appends its course.json entry (the rest unchanged) and its README row")
    void writesTheLab() throws IOException {
        Course course = courseCopy();
        String before = Files.readString(home.resolve("course.json"));
        List<Path> written = LabSkeleton.of("90-demo").write(course);

        assertThat(written).extracting(p -> home.relativize(p).toString().replace('\\', '/')).contains(
                "labs/90-demo/README.md", "labs/90-demo/01-items-by-price.sql", "solutions/90-demo/01-items-by-price.sql",
                "graders/src/main/java/dev/pglabs/graders/lab90/Lab90DemoGrader.java",
                "graders/src/main/resources/dev/pglabs/graders/lab90/references/01-items-by-price.sql",
                "datasets/90-demo/schema.sql", "datasets/90-demo/data.sql", "datasets/90-demo/variant-hidden.sql",
                "graders/src/test/resources/golden/90-demo/renamed-column/expected.json",
                "graders/src/test/resources/golden/90-demo/no-tie-breaker/expected.json",
                "graders/src/test/resources/golden/90-demo/requirements.json", "course.json", "README.md");
        String manifest = Files.readString(home.resolve("course.json"));
        assertThat(manifest).startsWith(before.substring(0, before.lastIndexOf('}', before.lastIndexOf(']')) + 1))
                .contains("\"default\": [\"90-demo/schema.sql\", \"90-demo/data.sql\"]");
        Lab lab = Course.load(home).lab("90");
        assertThat(lab.folder()).isEqualTo("90-demo");
        assertThat(lab.grader()).isEqualTo("dev.pglabs.graders.lab90.Lab90DemoGrader");
        assertThat(lab.datasets()).containsOnlyKeys("default", "hidden");
        assertThat(Files.readString(home.resolve("graders/src/main/java/dev/pglabs/graders/lab90/Lab90DemoGrader.java")))
                .contains("package dev.pglabs.graders.lab90;", "@Grader(lab = \"90-demo\")", "class Lab90DemoGrader")
                .doesNotContain("${");
        assertThat(Files.readString(home.resolve("README.md"))).contains("| [90-demo](labs/90-demo/README.md) |");
        assertThat(home.resolve("labs/90-demo/01-items-by-price.sql")).content().contains("-- TODO");
        assertThat(home.resolve("labs/90-demo/README.md")).content().contains("## Hints", "```sql", "pglabs:output");
        assertThat(requirementFindings("90-demo")).isEmpty();
    }

    @Test
    @DisplayName("--java writes a Maven project with its starter and solution, a grader with its sandboxed task, the "
            + "data and a golden scenario over the solution, and the course.json entry")
    void writesAJavaLab() throws IOException {
        Course course = courseCopy();
        List<Path> written = LabSkeleton.of("91-jdbc-demo", LabSkeleton.Kind.JAVA).write(course);
        assertThat(written).extracting(p -> home.relativize(p).toString().replace('\\', '/'))
                .contains("course.json", "README.md");

        String exercise = "src/main/java/app/items/ItemQueries.java";
        String pkg = "graders/src/main/java/dev/pglabs/graders/lab91/";
        for (String file : List.of("labs/91-jdbc-demo/README.md", "labs/91-jdbc-demo/pom.xml",
                "labs/91-jdbc-demo/" + exercise, "solutions/91-jdbc-demo/pom.xml", "solutions/91-jdbc-demo/" + exercise,
                pkg + "Lab91JdbcDemoGrader.java", pkg + "sandboxed/CountCheaper.java", "datasets/91-jdbc-demo/schema.sql",
                "datasets/91-jdbc-demo/data.sql", "datasets/91-jdbc-demo/variant-hidden.sql",
                "graders/src/test/resources/golden/91-jdbc-demo/counts-equal-price/expected.json",
                "graders/src/test/resources/golden/91-jdbc-demo/counts-equal-price/91-jdbc-demo/" + exercise,
                "graders/src/test/resources/golden/91-jdbc-demo/closes-the-connection/91-jdbc-demo/" + exercise,
                "graders/src/test/resources/golden/91-jdbc-demo/requirements.json")) {
            assertThat(home.resolve(file)).as(file).isRegularFile().content().doesNotContain("${");
        }
        assertThat(home.resolve("labs/91-jdbc-demo/" + exercise)).content()
                .contains("package app.items;", "countCheaperThan(Connection connection, BigDecimal limit)", "TODO");
        assertThat(home.resolve("solutions/91-jdbc-demo/" + exercise)).content().doesNotContain("TODO");
        assertThat(home.resolve("labs/91-jdbc-demo/pom.xml")).content()
                .contains("<artifactId>lab91-jdbc-demo</artifactId>", "<artifactId>postgresql</artifactId>")
                .isEqualTo(Files.readString(home.resolve("solutions/91-jdbc-demo/pom.xml")));
        assertThat(home.resolve(pkg + "Lab91JdbcDemoGrader.java")).content().contains("package dev.pglabs.graders.lab91;",
                "import dev.pglabs.graders.lab91.sandboxed.CountCheaper;", "@Grader(lab = \"91-jdbc-demo\")",
                "hiddenOn = HIDDEN_DATA");
        assertThat(home.resolve(pkg + "sandboxed/CountCheaper.java")).content()
                .contains("package dev.pglabs.graders.lab91.sandboxed;", "implements StudentTask<Integer>");
        assertThat(home.resolve("graders/src/test/resources/golden/91-jdbc-demo/counts-equal-price/expected.json"))
                .content().contains("\"base\": \"solutions\"", "\"01-count-cheaper:hidden\": \"failed\"");
        assertThat(home.resolve("labs/91-jdbc-demo/README.md")).content()
                .contains("## Hints", "### 01-count-cheaper", "```java", "pglabs:output");

        Lab lab = Course.load(home).lab("91");
        assertThat(lab.grader()).isEqualTo("dev.pglabs.graders.lab91.Lab91JdbcDemoGrader");
        assertThat(lab.datasets()).containsOnlyKeys("default", "hidden");
        assertThat(Files.readString(home.resolve("course.json")))
                .contains("\"hidden\": [\"91-jdbc-demo/schema.sql\", \"91-jdbc-demo/data.sql\", \"91-jdbc-demo/variant-hidden.sql\"]");
        assertThat(requirementFindings("91-jdbc-demo")).isEmpty();
    }

    @Test
    @DisplayName("--java asks for a Java lab, --sql or neither for an SQL lab; the two exclude each other")
    void kindOptions() {
        NewLabCommand java = new NewLabCommand();
        new CommandLine(java).parseArgs("91-jdbc-demo", "--java");
        assertThat(java.kind.java).isTrue();
        NewLabCommand plain = new NewLabCommand();
        new CommandLine(plain).parseArgs("91-jdbc-demo");
        assertThat(plain.kind.java).isFalse();

        PglabsRun run = PglabsRun.of("new-lab", "91-jdbc-demo", "--sql", "--java");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    @DisplayName("refuses a folder name that is not NN-slug, and a lab number or folder already taken, writing nothing")
    void refuses() throws IOException {
        Course course = courseCopy();
        String manifest = Files.readString(home.resolve("course.json"));
        assertThatThrownBy(() -> LabSkeleton.of("demo")).hasMessageContaining("two digits, a dash and a lower-case slug");
        assertThatThrownBy(() -> LabSkeleton.of("9-Demo")).hasMessageContaining("e.g. 12-window-functions");
        assertThatThrownBy(() -> LabSkeleton.of("01-again").write(course))
                .hasMessageContaining("already has a lab 01 (01-sql-basics)");
        Files.createDirectories(home.resolve("datasets/90-demo"));
        assertThatThrownBy(() -> LabSkeleton.of("90-demo").write(course)).hasMessageContaining("datasets/90-demo exists");
        assertThat(Files.readString(home.resolve("course.json"))).isEqualTo(manifest);
        assertThat(home.resolve("labs/90-demo")).doesNotExist();

        PglabsRun run = PglabsRun.of("new-lab", "nonsense", "--sql");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("'nonsense' is not a lab folder name");
    }

    /**
     * What dev check's requirements rule finds in the new lab: its task statements are mapped, its quotes found,
     * its scenarios fail their checks (the check ids themselves are checked once the grader is built, by dev check).
     */
    private List<Finding> requirementFindings(String folder) {
        CourseRule requirements = CourseCheck.RULES.stream().filter(r -> r.name().equals("requirements")).findFirst()
                .orElseThrow();
        return requirements.check(Course.load(home)).stream().filter(f -> f.where().contains(folder)).toList();
    }

    private Course courseCopy() throws IOException {
        Path real = Course.locate().home();
        Files.copy(real.resolve("course.json"), home.resolve("course.json"));
        Files.copy(real.resolve("README.md"), home.resolve("README.md"));
        return Course.load(home);
    }
}
