package dev.pglabs.comparison;

import static dev.pglabs.comparison.Tables.row;
import static dev.pglabs.comparison.Tables.rows;
import static dev.pglabs.comparison.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pglabs.comparison.Comparison.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Unordered (bag) comparison")
class BagComparisonTest {

    private static Comparison compare(ResultTable expected, ResultTable actual) {
        return ResultComparator.compare(expected, actual, CompareOptions.unordered());
    }

    @Test
    @DisplayName("identical results match with empty feedback")
    void identical() {
        ResultTable t = table("id, name", row(1, "alice"), row(2, "bob"));

        Comparison c = compare(t, table("id, name", row(1, "alice"), row(2, "bob")));

        assertThat(c.matches()).isTrue();
        assertThat(c.kind()).isEqualTo(Kind.MATCH);
        assertThat(c.feedback()).isEmpty();
        assertThat(c.missingRows()).isEmpty();
        assertThat(c.unexpectedRows()).isEmpty();
    }

    @Test
    @DisplayName("rows in a different order match when order does not matter")
    void anyOrder() {
        Comparison c = compare(table("id", row(1), row(2), row(3)), table("id", row(3), row(1), row(2)));

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("two empty results match")
    void empty() {
        assertThat(compare(table("id"), table("id")).matches()).isTrue();
    }

    @Test
    @DisplayName("duplicates count: two identical rows expected, one returned, means one missing")
    void duplicateMissing() {
        Comparison c = compare(table("city", row("Oslo"), row("Oslo"), row("Rome")),
                table("city", row("Oslo"), row("Rome")));

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.missingRows()).isEqualTo(rows(row("Oslo")));
        assertThat(c.unexpectedRows()).isEmpty();
        assertThat(c.feedback()).contains("Expected 3 rows, your query returned 2.")
                .contains("fewer times").contains("DISTINCT");
    }

    @Test
    @DisplayName("duplicates count: an extra copy of a row is unexpected, with a hint about joins and DISTINCT")
    void duplicateUnexpected() {
        Comparison c = compare(table("city", row("Oslo"), row("Rome")),
                table("city", row("Oslo"), row("Rome"), row("Rome")));

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.missingRows()).isEmpty();
        assertThat(c.unexpectedRows()).isEqualTo(rows(row("Rome")));
        assertThat(c.feedback()).contains("more times").contains("JOIN").contains("DISTINCT");
    }

    @Test
    @DisplayName("missing and unexpected rows are listed as tables, each section only when non-empty")
    void exactFeedbackTables() {
        ResultTable expected = table("username, email",
                row("alice", "alice@x.org"), row("bob", "bob@x.org"), row("carol", null));
        ResultTable actual = table("username, email", row("alice", "alice@x.org"), row("dave", "dave@x.org"));

        Comparison c = compare(expected, actual);

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.missingRows()).isEqualTo(rows(row("bob", "bob@x.org"), row("carol", null)));
        assertThat(c.unexpectedRows()).isEqualTo(rows(row("dave", "dave@x.org")));
        assertThat(c.feedback()).isEqualTo(String.join("\n",
                "Expected 3 rows, your query returned 2.",
                "",
                "Missing rows (expected but not in your result):",
                " username | email",
                "----------+-----------",
                " bob      | bob@x.org",
                " carol    | NULL",
                "",
                "Unexpected row (in your result but not expected):",
                " username | email",
                "----------+------------",
                " dave     | dave@x.org"));
    }

    @Test
    @DisplayName("only the first maxRowsShown rows are shown, with 'first N of M' in the heading")
    void firstNOfM() {
        List<Object[]> many = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            many.add(row(i));
        }
        ResultTable expected = table("n", many.toArray(new Object[0][]));

        Comparison c = compare(expected, table("n", row(1), row(2), row(3), row(4), row(5), row(6), row(7),
                row(8), row(9), row(10)));
        assertThat(c.feedback()).startsWith("Expected 12 rows, your query returned 10.\n\n"
                + "Missing rows (expected but not in your result):\n");

        Comparison few = compare(expected, table("n", row(1)));
        assertThat(few.feedback())
                .contains("Missing rows (expected but not in your result), first 5 of 11:\n"
                        + " n\n---\n 2\n 3\n 4\n 5\n 6\n\nHint: some expected rows are missing")
                .doesNotContain("Unexpected");

        Comparison three = ResultComparator.compare(expected, table("n", row(1)),
                CompareOptions.unordered().maxRowsShown(3));
        assertThat(three.feedback()).contains("first 3 of 11:").doesNotContain("\n 5\n");
    }

    @Test
    @DisplayName("same row count but different values says so")
    void sameCountDifferentValues() {
        Comparison c = compare(table("name", row("alice"), row("bob")), table("name", row("alice"), row("Bob")));

        assertThat(c.feedback()).startsWith("Expected 2 rows, your query returned 2, but some values differ.");
    }

    @Test
    @DisplayName("an empty student result gets a hint about WHERE and case-sensitive text")
    void noRows() {
        Comparison c = compare(table("name", row("Alice")), table("name"));

        assertThat(c.feedback()).contains("Expected 1 row, your query returned 0.").contains("case-sensitive");
    }

    @Test
    @DisplayName("no rows after '= NULL' gets a hint about NULL, not about letter case")
    void noRowsAfterEqualsNull() {
        Comparison c = ResultComparator.compare(table("name", row("Alice")), table("name"), CompareOptions.unordered(),
                Situation.query("SELECT username FROM users WHERE city = NULL -- 'Lisbon'"));

        assertThat(c.feedback()).contains("Expected 1 row, your query returned 0.", "NULL", "never true")
                .doesNotContain("case-sensitive");
    }

    @Test
    @DisplayName("no rows without any text comparison does not talk about letter case")
    void noRowsWithoutText() {
        Comparison c = ResultComparator.compare(table("n", row(1)), table("n"), CompareOptions.unordered(),
                Situation.query("SELECT n FROM t WHERE n > 10"));

        assertThat(c.feedback()).contains("Try each condition on its own").doesNotContain("case-sensitive");
    }

    @Test
    @DisplayName("after a DELETE that removed too few rows, the hint says too strict (not too loose)")
    void deleteRemovedTooFew() {
        ResultTable expected = table("id", row(1), row(2));
        ResultTable after = table("id", row(1), row(2), row(3));

        Comparison c = ResultComparator.compare(expected, after, CompareOptions.unordered(),
                Situation.stateAfter("DELETE FROM comments WHERE body LIKE '%buy now%';"));

        assertThat(c.feedback()).contains("Afterwards the table should hold 2 rows; it holds 3 (too many).",
                "Unexpected row (in the table but not expected)", "removed too few rows", "too strict")
                .doesNotContain("too loose", "your query returned", "your result");
        assertThat(c.dataFreeSummary()).contains("the table holds other rows").doesNotContain("your result");
    }

    @Test
    @DisplayName("after a DELETE that removed too many rows, the hint says too loose")
    void deleteRemovedTooMany() {
        Comparison c = ResultComparator.compare(table("id", row(1), row(2)), table("id", row(1)),
                CompareOptions.unordered(), Situation.stateAfter("delete from comments where body ilike '%buy%'"));

        assertThat(c.feedback()).contains("(too few)", "rows it should have kept", "too loose")
                .doesNotContain("too strict");
    }

    @Test
    @DisplayName("an UPDATE that compares with NULL gets the NULL hint")
    void updateWithEqualsNull() {
        Comparison c = ResultComparator.compare(table("id, city", row(1, "none")), table("id, city", row(1, null)),
                CompareOptions.unordered(), Situation.stateAfter("UPDATE users SET city = 'none' WHERE city = NULL"));

        assertThat(c.feedback()).contains("compares with NULL using = or <>");
    }

    @Test
    @DisplayName("values that print the same but differ in type: the feedback names both types and says to cast")
    void lookAlikeTypes() {
        ResultTable expected = Tables.typedTable("id, total", "int4, numeric", row(1, new BigDecimal("1")));
        ResultTable actual = Tables.typedTable("id, total", "int8, text", row(1L, "1"));

        Comparison c = compare(expected, actual);

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.feedback()).contains("Column 2 (total) of your result is text, the expected column is numeric.")
                .contains("never equal", "::numeric").doesNotContain("Column 1");
    }

    @Test
    @DisplayName("a type mismatch with unknown types still hints at casts")
    void lookAlikeUntyped() {
        Comparison c = compare(table("total", row(new BigDecimal("1"))), table("total", row("1")));

        assertThat(c.feedback()).contains("look the same but have a different type", "Check casts");
    }

    @Test
    @DisplayName("after DML, column changes are worded as the table's columns, not a SELECT list")
    void stateColumns() {
        Comparison count = ResultComparator.compare(table("id, body"), table("id, body, flagged"),
                CompareOptions.unordered(), Situation.stateAfter("ALTER TABLE comments ADD flagged bool"));
        Comparison names = ResultComparator.compare(table("id, body"), table("id, text"),
                CompareOptions.unordered().withColumnNames(), Situation.stateAfter("ALTER TABLE comments ..."));

        assertThat(count.feedback()).startsWith("Afterwards the table should have 2 columns (id, body); it has 3 "
                + "(id, body, flagged).").doesNotContain("SELECT", "your query");
        assertThat(names.feedback()).contains("Afterwards the table's columns should be named (id, body)")
                .doesNotContain("SELECT", "your query", "alias");
        assertThat(count.dataFreeSummary()).isEqualTo("Afterwards the table's columns are not as expected.");
    }

    @Test
    @DisplayName("after an UPDATE with the right row count, the table is said to hold them, not a query to return")
    void stateSameCount() {
        Comparison c = ResultComparator.compare(table("id, status", row(1, "archived"), row(2, "draft")),
                table("id, status", row(1, "draft"), row(2, "draft")), CompareOptions.unordered(),
                Situation.TABLE_STATE);

        assertThat(c.feedback()).startsWith("Afterwards the table holds 2 rows, as it should, but some values differ.")
                .contains(" now").doesNotContain("your query", "yours");
    }

    @Test
    @DisplayName("columns in a different order are pointed out")
    void columnsPermuted() {
        Comparison c = compare(table("username, email", row("alice", "a@x.org")),
                table("email, username", row("a@x.org", "alice")));

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.feedback()).contains("Your columns are in a different order (email, username)");
    }

    @Test
    @DisplayName("a truncated student result says it was cut at the cap and names the likely cause")
    void truncatedActual() {
        ResultTable expected = table("a, b", row("x", "1"), row("y", "2"));
        ResultTable actual = table("a, b", row("x", "1"), row("x", "2"), row("y", "1")).asTruncated();
        assertThat(actual.truncated()).isTrue();

        Comparison c = compare(expected, actual);

        assertThat(c.kind()).isEqualTo(Kind.ROWS_DIFFER);
        assertThat(c.feedback())
                .startsWith("Expected 2 rows, your query returned more than 3 (we stopped reading at 3).")
                .contains("missing WHERE condition or a JOIN without its ON condition");
    }

    @Test
    @DisplayName("a column count that differs is reported before any rows")
    void columnCountFirst() {
        Comparison c = compare(table("username, email", row("alice", "a@x.org")),
                table("id, username, email", row(1, "alice", "a@x.org")));

        assertThat(c.kind()).isEqualTo(Kind.COLUMN_COUNT);
        assertThat(c.feedback()).isEqualTo(
                "Expected 2 columns (username, email), your query returned 3 (id, username, email).\n"
                        + "Remove from your SELECT list: id.");
    }

    @Test
    @DisplayName("too few columns suggests what to add")
    void columnCountTooFew() {
        Comparison c = compare(table("username, email"), table("username"));

        assertThat(c.feedback()).isEqualTo(
                "Expected 2 columns (username, email), your query returned 1 (username).\n"
                        + "Add to your SELECT list: email.");
    }

    @Test
    @DisplayName("10,000 shuffled rows with doubles and numerics compare as equal bags")
    void large() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row((long) i, "user" + (i % 100), i * 0.1, new BigDecimal(i).movePointLeft(2)));
        }
        ResultTable expected = table("id, name, score, amount", rows.toArray(new Object[0][]));
        List<Object[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(42));
        ResultTable actual = table("id, name, score, amount", shuffled.toArray(new Object[0][]));

        Comparison c = compare(expected, actual);

        assertThat(c.matches()).isTrue();
    }

    @Test
    @DisplayName("hand-made rows must have one value per column")
    void rowWidthChecked() {
        assertThatThrownBy(() -> table("a, b", row(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1 values but the table has 2 columns");
    }
}
