package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                "graders/src/test/resources/golden/90-demo/renamed-column/expected.json", "course.json", "README.md");
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

    private Course courseCopy() throws IOException {
        Path real = Course.locate().home();
        Files.copy(real.resolve("course.json"), home.resolve("course.json"));
        Files.copy(real.resolve("README.md"), home.resolve("README.md"));
        return Course.load(home);
    }
}
