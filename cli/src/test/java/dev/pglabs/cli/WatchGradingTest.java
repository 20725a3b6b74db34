package dev.pglabs.cli;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which exercises a save touched, and which turned green: what watch grades first and what it celebrates. */
class WatchGradingTest {

    private static CheckResult check(String id, boolean passed) {
        return new CheckResult(id, id, passed ? 1 : 0, 1, passed ? CheckStatus.PASSED : CheckStatus.FAILED,
                Visibility.VISIBLE, passed ? "" : "not yet", 1);
    }

    private static LabResult lab(CheckResult... checks) {
        return LabResult.of("02-schema-design", "Schema design", List.of(checks));
    }

    @Test
    @DisplayName("a save of numbered answer files grades those exercises first; any other file, the whole lab")
    void exercisesOfSavedFiles() {
        assertThat(WatchGrading.exercisesOf(Set.of("03-posts.sql", "01-users.sql"))).contains(Set.of("01", "03"));
        assertThat(WatchGrading.exercisesOf(Set.of("03-posts.sql", "PostRoutes.java"))).isEmpty();
        assertThat(WatchGrading.exercisesOf(Set.of("V2__add_column.sql"))).isEmpty();
        assertThat(WatchGrading.exercisesOf(Set.of())).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("an exercise passes when all its checks do; only the ones that did not before are announced")
    void newlyPassed() {
        LabResult before = lab(check("01-users-columns", true), check("01-users-rules", false),
                check("02-profiles-columns", false), check("03-posts-columns", true));
        LabResult halfway = lab(check("01-users-columns", true), check("01-users-rules", false),
                check("02-profiles-columns", true), check("03-posts-columns", true));
        LabResult after = lab(check("01-users-columns", true), check("01-users-rules", true),
                check("02-profiles-columns", true), check("03-posts-columns", true));
        assertThat(WatchGrading.newlyPassed(before, halfway)).containsExactly("02");
        assertThat(WatchGrading.newlyPassed(before, after)).containsExactly("01", "02");
        assertThat(WatchGrading.newlyPassed(after, after)).isEmpty();
        assertThat(WatchGrading.sameOutcome(before, halfway)).isFalse();
        assertThat(WatchGrading.sameOutcome(after, lab(after.checks().toArray(CheckResult[]::new)))).isTrue();
    }

    @Test
    @DisplayName("a save of a file without a number grades the exercise the learner is on first; none when all passed")
    void gradedFirst() {
        LabResult onTwo = lab(check("01-users-columns", true), check("02-profiles-columns", false),
                check("03-posts-columns", false));
        assertThat(WatchGrading.gradedFirst(onTwo, Set.of("BlogRepository.java"))).contains(Set.of("02"));
        assertThat(WatchGrading.gradedFirst(onTwo, Set.of("03-posts.sql"))).as("a numbered save: its own exercise")
                .contains(Set.of("03"));
        LabResult allPassed = lab(check("01-users-columns", true), check("02-profiles-columns", true));
        assertThat(WatchGrading.gradedFirst(allPassed, Set.of("BlogRepository.java"))).isEmpty();
        LabResult unnumbered = lab(check("01-users-columns", true), check("style", false));
        assertThat(WatchGrading.gradedFirst(unnumbered, Set.of("BlogRepository.java")))
                .as("a check without a number is no exercise to grade alone: the whole lab").isEmpty();
    }
}
