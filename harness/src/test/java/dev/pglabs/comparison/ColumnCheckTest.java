package dev.pglabs.comparison;

import static dev.pglabs.comparison.Tables.row;
import static dev.pglabs.comparison.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pglabs.comparison.Comparison.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Column checks")
class ColumnCheckTest {

    private static final ResultTable EXPECTED = table("username, post_count", row("alice", 3));

    @Test
    @DisplayName("column names are ignored unless the exercise asks for them")
    void namesIgnoredByDefault() {
        Comparison c = ResultComparator.compare(EXPECTED, table("name, count", row("alice", 3L)),
                CompareOptions.unordered());

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("with column names, names compare case-insensitively")
    void namesCaseInsensitive() {
        Comparison c = ResultComparator.compare(EXPECTED, table("UserName, POST_COUNT", row("alice", 3)),
                CompareOptions.unordered().withColumnNames());

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("with column names, a wrong name fails with both lists and a hint about AS")
    void wrongName() {
        Comparison c = ResultComparator.compare(EXPECTED, table("username, count", row("alice", 3)),
                CompareOptions.unordered().withColumnNames());

        assertThat(c.kind()).isEqualTo(Kind.COLUMN_NAMES);
        assertThat(c.feedback()).isEqualTo(
                "Column names differ. Expected (username, post_count), your query returned (username, count).\n"
                        + "Column 2 should be named post_count, yours is named count.\n"
                        + "Hint: name a column with an alias, for example COUNT(*) AS post_count.");
    }

    @Test
    @DisplayName("with column names, right names in the wrong order get a hint about the SELECT order")
    void namesPermuted() {
        Comparison c = ResultComparator.compare(EXPECTED, table("post_count, username", row(3, "alice")),
                CompareOptions.ordered().withColumnNames());

        assertThat(c.kind()).isEqualTo(Kind.COLUMN_NAMES);
        assertThat(c.feedback()).contains("right columns in a different order");
    }

    @Test
    @DisplayName("the column count is checked even without column names, and before the names")
    void countBeforeNames() {
        Comparison c = ResultComparator.compare(EXPECTED, table("a, b, c", row("alice", 3, 4)),
                CompareOptions.unordered().withColumnNames());

        assertThat(c.kind()).isEqualTo(Kind.COLUMN_COUNT);
        assertThat(c.feedback()).startsWith(
                "Expected 2 columns (username, post_count), your query returned 3 (a, b, c).\n"
                        + "Check your SELECT list: it should return exactly 2 columns.");
    }
}
