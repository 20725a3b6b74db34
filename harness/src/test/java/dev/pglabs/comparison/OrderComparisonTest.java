package dev.pglabs.comparison;

import static dev.pglabs.comparison.Tables.row;
import static dev.pglabs.comparison.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pglabs.comparison.Comparison.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

@DisplayName("Row order")
class OrderComparisonTest {

    private static final ResultTable BY_SCORE = table("name, score",
            row("ann", 90), row("bob", 80), row("cid", 80), row("dan", 70));

    @Test
    @DisplayName("ordered: the same rows in the same order match")
    void orderedMatch() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("ann", 90), row("bob", 80), row("cid", 80), row("dan", 70)), CompareOptions.ordered());

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("ordered: right rows in the wrong order is WRONG_ORDER, showing the first differing position")
    void orderedWrongOrder() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("ann", 90), row("cid", 80), row("bob", 80), row("dan", 70)), CompareOptions.ordered());

        assertThat(c.kind()).isEqualTo(Kind.WRONG_ORDER);
        assertThat(c.feedback()).isEqualTo(String.join("\n",
                "Right rows, wrong order. The first difference is at row 2:",
                " row 2    | name | score",
                "----------+------+-------",
                " expected | bob  |    80",
                " yours    | cid  |    80",
                "",
                "Hint: check your ORDER BY: the right column(s), ASC vs DESC, and a tie-breaker column"
                        + " for rows with equal values."));
    }

    @Test
    @DisplayName("ordered: fully reversed rows suggest swapping ASC and DESC")
    void reversed() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("dan", 70), row("cid", 80), row("bob", 80), row("ann", 90)), CompareOptions.ordered());

        assertThat(c.kind()).isEqualTo(Kind.WRONG_ORDER);
        assertThat(c.feedback()).contains("Right rows, wrong order").contains("swap ASC and DESC");
    }

    @Test
    @DisplayName("ordered: different rows are ROWS_DIFFER, not WRONG_ORDER")
    void orderedDifferentRows() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("dan", 70), row("cid", 80), row("bob", 80), row("eve", 90)), CompareOptions.ordered());

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
    }

    @Test
    @DisplayName("orderedBy: tied rows may come in any order among themselves")
    void tiesFree() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("ann", 90), row("cid", 80), row("bob", 80), row("dan", 70)), CompareOptions.orderedBy("score"));

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("orderedBy: key columns are found case-insensitively")
    void keyCaseInsensitive() {
        Comparison c = ResultComparator.compare(BY_SCORE, BY_SCORE, CompareOptions.orderedBy("SCORE"));

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("orderedBy: a wrong sequence of key values is WRONG_ORDER naming the key")
    void keySequenceWrong() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("ann", 90), row("dan", 70), row("bob", 80), row("cid", 80)), CompareOptions.orderedBy("score"));

        assertThat(c.kind()).isEqualTo(Kind.WRONG_ORDER);
        assertThat(c.feedback())
                .startsWith("Right rows, wrong order (ordered by score). The first difference is at row 2:")
                .contains(" expected | bob  |    80").contains(" yours    | dan  |    70")
                .contains("sort by score");
    }

    @Test
    @DisplayName("orderedBy: ascending instead of descending suggests swapping ASC and DESC")
    void keyReversed() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("dan", 70), row("bob", 80), row("cid", 80), row("ann", 90)), CompareOptions.orderedBy("score"));

        assertThat(c.kind()).isEqualTo(Kind.WRONG_ORDER);
        assertThat(c.feedback()).contains("swap ASC and DESC");
    }

    @Test
    @DisplayName("orderedBy: different rows are ROWS_DIFFER even when the keys are in order")
    void orderedByDifferentRows() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("ann", 90), row("bob", 80), row("eve", 80), row("dan", 70)), CompareOptions.orderedBy("score"));

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.missingRows()).containsExactly(List.of("cid", 80));
        assertThat(c.unexpectedRows()).containsExactly(List.of("eve", 80));
    }

    @Test
    @DisplayName("orderedBy: an unknown key column is the grader's mistake and fails loudly")
    void unknownKey() {
        assertThatThrownBy(() -> ResultComparator.compare(BY_SCORE, BY_SCORE, CompareOptions.orderedBy("points")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'points' is not a column of the expected result (name, score)");
    }

    @Test
    @DisplayName("unordered: order never matters")
    void unorderedIgnoresOrder() {
        Comparison c = ResultComparator.compare(BY_SCORE, table("name, score",
                row("dan", 70), row("cid", 80), row("bob", 80), row("ann", 90)), CompareOptions.unordered());

        assertThat(c.matches()).isTrue();
    }
}
