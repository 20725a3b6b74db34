package dev.pglabs.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pglabs.comparison.CompareOptions.RowOrder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CompareOptions")
class CompareOptionsTest {

    @Test
    @DisplayName("defaults: no name check and 5 rows shown")
    void defaults() {
        CompareOptions o = CompareOptions.unordered();

        assertThat(o.order()).isEqualTo(RowOrder.ANY);
        assertThat(o.checkColumnNames()).isFalse();
        assertThat(o.maxRowsShown()).isEqualTo(5);
    }

    @Test
    @DisplayName("fluent refinements keep the rest of the options")
    void fluent() {
        CompareOptions o = CompareOptions.orderedBy("score", "name").withColumnNames().maxRowsShown(3);

        assertThat(o.order()).isEqualTo(RowOrder.BY_KEYS);
        assertThat(o.keyColumns()).containsExactly("score", "name");
        assertThat(o.checkColumnNames()).isTrue();
        assertThat(o.maxRowsShown()).isEqualTo(3);
        assertThat(CompareOptions.ordered().order()).isEqualTo(RowOrder.EXACT);
    }

    @Test
    @DisplayName("nonsense options are rejected")
    void invalid() {
        assertThatThrownBy(CompareOptions::orderedBy).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompareOptions.unordered().maxRowsShown(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("assertMatches fails with the feedback as message")
    void assertMatches() {
        Comparison c = ResultComparator.compare(Tables.table("a", Tables.row(1)), Tables.table("a"),
                CompareOptions.unordered());

        assertThatThrownBy(c::assertMatches).isInstanceOf(AssertionError.class).hasMessage(c.feedback());
    }
}
