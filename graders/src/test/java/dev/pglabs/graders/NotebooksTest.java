package dev.pglabs.graders;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.notebook.BatchModes;
import dev.pglabs.notebook.Notebook;
import dev.pglabs.notebook.NotebookOptions;
import dev.pglabs.notebook.NotebookSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every lab README runs as a notebook and gives the outputs recorded in it ({@code pglabs notebook NN --check}).
 * Labs in {@link #RECORDED} must have recorded outputs; others are checked once they have some, and skipped
 * with the reason until then.
 */
class NotebooksTest {

    /** Labs whose README must carry recorded outputs (recorded with ./pglabs notebook NN --run). */
    static final Set<String> RECORDED = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11");

    static List<String> labs() {
        return CourseGrading.course().labs().stream().map(Lab::id).toList();
    }

    @ParameterizedTest(name = "lab {0}")
    @MethodSource("labs")
    @DisplayName("the README runs as a notebook and matches its recorded outputs")
    void readmeMatchesRecordedOutputs(String id) {
        Lab lab = CourseGrading.course().lab(id);
        Assumptions.assumeTrue(Files.isRegularFile(CourseGrading.course().labsDir().resolve(lab.folder())
                .resolve("README.md")), () -> lab.folder() + " has no README.md");
        Notebook notebook = NotebookSession.readme(CourseGrading.course(), lab);
        Assumptions.assumeFalse(notebook.cells().isEmpty(), () -> notebook.displayName() + " has no sql or java cells");
        if (RECORDED.contains(id)) {
            assertThat(notebook.hasRecordedOutputs())
                    .as("%s has no recorded outputs: run ./pglabs notebook %s --run and review the diff",
                            notebook.displayName(), id)
                    .isTrue();
        } else {
            Assumptions.assumeTrue(notebook.hasRecordedOutputs(), () -> notebook.displayName()
                    + " has no recorded outputs yet (./pglabs notebook " + id + " --run records them)");
        }
        try (NotebookSession session = NotebookSession.open(CourseGrading.session(), lab, notebook,
                NotebookOptions.defaults())) {
            BatchModes.CheckReport report = BatchModes.check(session);
            assertThat(report.failures()).as("./pglabs notebook %s --check", id).isEmpty();
        }
    }
}
