package dev.pglabs.comparison;

import static dev.pglabs.comparison.Tables.row;
import static dev.pglabs.comparison.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TableFormatter")
class TableFormatterTest {

    @Test
    @DisplayName("aligns columns like psql, numbers to the right, NULL spelled out")
    void alignment() {
        String out = TableFormatter.format(table("id, username, email",
                row(1, "alice", "alice@example.com"), row(12, "bo", null)), 5);

        assertThat(out).isEqualTo(String.join("\n",
                " id | username | email",
                "----+----------+-------------------",
                "  1 | alice    | alice@example.com",
                " 12 | bo       | NULL"));
    }

    @Test
    @DisplayName("cuts values longer than 40 characters with …")
    void longValues() {
        String long50 = "x".repeat(50);

        String out = TableFormatter.format(table("note", row(long50)), 5);

        assertThat(out.split("\n")[2]).isEqualTo(" " + "x".repeat(39) + "…");
    }

    @Test
    @DisplayName("a table wider than 100 characters narrows its widest columns, then leaves columns out and says so")
    void fitsInALine() {
        String out = TableFormatter.format(table("a, b, c", row("x".repeat(60), "y".repeat(60), 1)), 5);
        String[] lines = out.split("\n");
        assertThat(lines[2]).hasSizeLessThanOrEqualTo(100).contains("x…").contains("y…").endsWith("| 1");

        List<String> many = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int c = 1; c <= 30; c++) {
            many.add("column" + c);
            values.add("value" + c);
        }
        String wide = TableFormatter.format(many, List.of(values), 5);
        assertThat(wide.split("\n")[1]).hasSizeLessThanOrEqualTo(100);
        assertThat(wide).contains("column10").doesNotContain("column11")
                .endsWith("… and 20 more columns not shown (too wide)");
    }

    @Test
    @DisplayName("shows at most N rows, then '… and 7 more rows'")
    void rowCap() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(row(i));
        }

        String out = TableFormatter.format(table("n", rows.toArray(new Object[0][])), 5);

        assertThat(out).endsWith("\n 5\n… and 7 more rows").doesNotContain("\n 6\n");
        assertThat(TableFormatter.format(table("n", row(1), row(2)), 1)).endsWith("… and 1 more row");
    }

    @Test
    @DisplayName("an empty result says (no rows)")
    void noRows() {
        assertThat(TableFormatter.format(table("a, b"), 5)).isEqualTo(" a | b\n---+---\n(no rows)");
    }

    @Test
    @DisplayName("quotes strings that would be invisible or look like NULL")
    void ambiguousStrings() {
        assertThat(TableFormatter.render("")).isEqualTo("''");
        assertThat(TableFormatter.render("alice ")).isEqualTo("'alice '");
        assertThat(TableFormatter.render("NULL")).isEqualTo("'NULL'");
        assertThat(TableFormatter.render("alice")).isEqualTo("alice");
        assertThat(TableFormatter.render("two\nlines")).isEqualTo("two\\nlines");
    }

    @Test
    @DisplayName("renders numbers, dates and timestamps the way psql shows them")
    void values() {
        assertThat(TableFormatter.render(new BigDecimal("12.50"))).isEqualTo("12.50");
        assertThat(TableFormatter.render(2.0)).isEqualTo("2");
        assertThat(TableFormatter.render(0.1)).isEqualTo("0.1");
        assertThat(TableFormatter.render(1e20)).isEqualTo("1.0E20");
        assertThat(TableFormatter.render(true)).isEqualTo("true");
        assertThat(TableFormatter.render(LocalDate.of(2024, 3, 1))).isEqualTo("2024-03-01");
        assertThat(TableFormatter.render(LocalDateTime.of(2024, 3, 1, 10, 15))).isEqualTo("2024-03-01 10:15:00");
        assertThat(TableFormatter.render(OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 0, ZoneOffset.UTC)))
                .isEqualTo("2024-03-01 08:15:30+00");
        assertThat(TableFormatter.render(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000)))
                .isEqualTo("2024-03-01 10:15:30.5");
    }

    @Test
    @DisplayName("ResultTable.toString renders the table")
    void resultTableToString() {
        assertThat(table("id", row(1)).toString()).isEqualTo(" id\n----\n  1");
    }
}
