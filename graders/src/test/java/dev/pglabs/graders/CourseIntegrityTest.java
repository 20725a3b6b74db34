package dev.pglabs.graders;

import dev.pglabs.course.Lab;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course tests itself in both directions: every solution gets full marks, every starter zero. The gradings are
 * shared with the golden scenarios, whose bases they are ({@link CourseGrading#courseFolder}).
 */
class CourseIntegrityTest {

    static List<String> labs() {
        return CourseGrading.course().labs().stream().map(Lab::folder).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    @DisplayName("the reference solution gets full marks on every check")
    void solutionsGetFullMarks(String lab) {
        LabResult labResult = CourseGrading.courseFolder(CourseGrading.course().solutionsDir(), lab);
        assertThat(labResult.max()).as("points available in %s", lab).isPositive();
        assertThat(labResult.checks())
                .allSatisfy(check -> assertThat(check.status())
                        .as("%s of %s: %s", check.id(), lab, check.feedback()).isEqualTo(CheckStatus.PASSED));
        assertThat(labResult.score()).isEqualTo(labResult.max());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    @DisplayName("the untouched starter scores zero, with feedback on every check")
    void startersScoreZero(String lab) {
        LabResult labResult = CourseGrading.courseFolder(CourseGrading.course().labsDir(), lab);
        assertThat(labResult.score()).isZero();
        assertThat(labResult.checks()).isNotEmpty()
                .allSatisfy(check -> {
                    assertThat(check.status()).as(check.id()).isNotEqualTo(CheckStatus.PASSED);
                    assertThat(check.feedback()).as(check.id()).isNotBlank();
                });
    }
}
