package dev.pglabs.graders;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.notebook.BatchModes;
import dev.pglabs.notebook.Notebook;
import dev.pglabs.notebook.NotebookOptions;
import dev.pglabs.notebook.NotebookSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lab of course.json has a README that runs as a notebook and gives the outputs recorded in it
 * ({@code pglabs notebook NN --check}); a lab without recorded outputs fails (record them with
 * {@code ./pglabs notebook NN --run}).
 */
class NotebooksTest {

    static List<String> labs() {
        // -Dpglabs.notebook.labs=08,11 runs the notebooks of some labs only (while working on them).
        List<String> only = Arrays.stream(System.getProperty("pglabs.notebook.labs", "").split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).toList();
        return CourseGrading.course().labs().stream().map(Lab::id)
                .filter(id -> only.isEmpty() || only.contains(id)).toList();
    }

    @ParameterizedTest(name = "lab {0}")
    @MethodSource("labs")
    @DisplayName("the README runs as a notebook and matches its recorded outputs")
    void readmeMatchesRecordedOutputs(String id) {
        Lab lab = CourseGrading.course().lab(id);
        assertThat(CourseGrading.course().labsDir().resolve(lab.folder()).resolve("README.md"))
                .as("the README of %s", lab.folder()).isRegularFile();
        Notebook notebook = NotebookSession.readme(CourseGrading.course(), lab);
        assertThat(notebook.cells()).as("%s has no sql or java cells", notebook.displayName()).isNotEmpty();
        assertThat(notebook.hasRecordedOutputs())
                .as("%s has no recorded outputs: run ./pglabs notebook %s --run and review the diff",
                        notebook.displayName(), id)
                .isTrue();
        // The cell time limit stops a learner's endless loop; on a busy machine lab 09's cell that starts a server
        // can take longer than 10 s, and this test is about outputs, not speed.
        try (NotebookSession session = NotebookSession.open(CourseGrading.session(), lab, notebook,
                NotebookOptions.defaults().withCellTimeout(Duration.ofMinutes(2)))) {
            BatchModes.CheckReport report = BatchModes.check(session);
            assertThat(report.failures()).as("./pglabs notebook %s --check", id).isEmpty();
        }
    }
}
