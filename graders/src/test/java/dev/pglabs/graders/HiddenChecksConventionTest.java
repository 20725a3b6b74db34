package dev.pglabs.graders;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convention that lets {@code pglabs release} drop hidden checks without breaking the graders
 * (docs/instructors.md, "Hidden checks"): checks with code of their own live in the lab's "hiddenGrader" class and
 * only there; variants run on hidden datasets; files only hidden checks read are listed and exist.
 */
@DisplayName("Hidden checks follow the convention the student release relies on")
class HiddenChecksConventionTest {

    private final Course course = Course.locate();

    @Test
    @DisplayName("a visible grader has no hidden-only check; a hidden grader has nothing but hidden checks")
    void hiddenChecksLiveInTheHiddenClass() throws Exception {
        for (Lab lab : course.labs()) {
            for (Method m : checks(Class.forName(lab.grader()))) {
                assertThat(m.getAnnotation(Check.class).visibility())
                        .as("%s.%s: a check with visibility HIDDEN belongs in the lab's hiddenGrader class",
                                lab.grader(), m.getName()).isEqualTo(Visibility.VISIBLE);
            }
            if (lab.hiddenGrader() == null) {
                continue;
            }
            Class<?> hidden = Class.forName(lab.hiddenGrader());
            assertThat(hidden.getSimpleName()).as("hidden grader of %s", lab.folder()).endsWith("HiddenChecks");
            assertThat(hidden.getPackage()).as("package of %s", hidden).isEqualTo(Class.forName(lab.grader()).getPackage());
            assertThat(hidden.getAnnotation(Grader.class).lab()).isEqualTo(lab.folder());
            assertThat(checks(hidden)).as("checks of %s", hidden).isNotEmpty().allSatisfy(m -> {
                Check check = m.getAnnotation(Check.class);
                assertThat(check.visibility()).as("%s.%s", hidden.getSimpleName(), m.getName())
                        .isEqualTo(Visibility.HIDDEN);
                assertThat(check.hiddenOn()).as("%s.%s: hiddenOn in a hidden class", hidden.getSimpleName(),
                        m.getName()).isEmpty();
            });
        }
    }

    @Test
    @DisplayName("hidden variants run on hidden datasets; visible checks never read hidden data")
    void variantsUseHiddenData() throws Exception {
        for (Lab lab : course.labs()) {
            for (Method m : checks(Class.forName(lab.grader()))) {
                Check check = m.getAnnotation(Check.class);
                assertThat(Lab.isHiddenDataset(check.dataset())).as("%s: dataset of %s", lab.folder(), m.getName())
                        .isFalse();
                if (!check.hiddenOn().isEmpty()) {
                    assertThat(Lab.isHiddenDataset(check.hiddenOn())).as("%s: hiddenOn of %s names a dataset "
                            + "starting with '%s'", lab.folder(), m.getName(), Lab.HIDDEN_DATASET_PREFIX).isTrue();
                    assertThat(lab.datasets()).as("%s: datasets", lab.folder()).containsKey(check.hiddenOn());
                }
            }
            lab.hiddenFiles().forEach(f -> assertThat(Files.isRegularFile(course.home().resolve(f)))
                    .as("%s: hiddenFiles entry %s exists", lab.folder(), f).isTrue());
        }
    }

    private static List<Method> checks(Class<?> grader) {
        return AnnotationSupport.findAnnotatedMethods(grader, Check.class, HierarchyTraversalMode.TOP_DOWN);
    }
}
