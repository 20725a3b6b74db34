package dev.pglabs.grading;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What a student reads under a hidden check that failed: the situation the failure shows, not one fixed sentence. */
class HiddenFeedbackTest {

    private static final Optional<CheckResult> VISIBLE_PASSED = Optional.of(twin(CheckStatus.PASSED));

    private static CheckResult twin(CheckStatus status) {
        return new CheckResult("03-latest", "03", status == CheckStatus.PASSED ? 1 : 0, 1, status, Visibility.VISIBLE,
                "", 1);
    }

    private static WrongResult wrong(List<List<Object>> expected, List<List<Object>> actual) {
        Comparison c = ResultComparator.compare(ResultTable.of(List.of("id"), expected),
                ResultTable.of(List.of("id"), actual), CompareOptions.ordered());
        return new WrongResult(c.feedback(), c.dataFreeSummary());
    }

    @Test
    @DisplayName("right rows in another order: the tie-breaker and the sort keys, not hard-coded rows")
    void wrongOrder() {
        String text = HiddenFeedback.situation(VISIBLE_PASSED, wrong(List.of(List.of(1), List.of(2)),
                List.of(List.of(2), List.of(1))));
        assertThat(text).contains("passes on the visible data", "ORDER BY", "tie-breaker").doesNotContain("bounds");
    }

    @Test
    @DisplayName("other rows: bounds, NULLs, unmatched rows, duplicates, and copied values among the causes")
    void otherRows() {
        String text = HiddenFeedback.situation(VISIBLE_PASSED, wrong(List.of(List.of(1)), List.of(List.of(2))));
        assertThat(text).contains("passes on the visible data", "> or >=", "NULLs", "no match", "copied")
                .doesNotContain("ORDER BY");
    }

    @Test
    @DisplayName("when the visible check fails too, the student fixes that one first")
    void visibleFailsToo() {
        String text = HiddenFeedback.situation(Optional.of(twin(CheckStatus.FAILED)),
                wrong(List.of(List.of(1)), List.of(List.of(2))));
        assertThat(text).contains("make the visible check of this exercise pass first");
    }

    @Test
    @DisplayName("a grader's own data-free summary (edge-case statements) gets no sentence about other rows")
    void gradersOwnSummary() {
        Throwable probe = new CheckFailure(CheckStatus.FAILED, "statements tried …")
                .withDataFreeSummary("Your table does not handle every edge case of the task's rules.");
        assertThat(HiddenFeedback.situation(VISIBLE_PASSED, probe)).isEmpty();
    }
}
