package dev.pglabs.graders;

import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.scenarios.Scenario;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden and hostile scenarios hold only what differs from their base (format in golden/README.md): no file
 * identical to the base's, no file the base lacks unless listed as new, a diff that applies, a removed file the
 * base has. A scenario still in an older form (every check listed, a whole submission) fails here until the
 * converter has run.
 */
@DisplayName("Scenario files hold only what differs from their base")
class ScenarioFilesTest {

    static Stream<Scenario> scenarios() {
        return Stream.of("golden", "hostile").flatMap(corpus -> Scenario.under(Folders.corpus(corpus)).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @DisplayName("each scenario's files differ from the base's and make a submission")
    void onlyDifferences(Scenario scenario, @TempDir Path temp) {
        Path home = CourseGrading.course().home();
        assertThat(scenario.problems(home)).as("what is wrong with the files of %s", scenario).isEmpty();
        assertThat(scenario.materialise(home, temp.resolve(scenario.lab()))).as("the submission of %s", scenario)
                .isDirectory();
    }
}
