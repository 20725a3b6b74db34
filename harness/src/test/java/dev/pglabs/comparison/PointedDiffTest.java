package dev.pglabs.comparison;

import static dev.pglabs.comparison.Tables.row;
import static dev.pglabs.comparison.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Feedback on rows that differ in a few columns")
class PointedDiffTest {

    /** A table as wide as a real one: id, then {@code width - 1} columns c2, c3, ... holding "v<row>_<column>". */
    private static ResultTable wide(int width, int rows, int changedRow, int changedColumn, String newValue) {
        List<String> columns = new ArrayList<>(List.of("id"));
        for (int c = 2; c <= width; c++) {
            columns.add("c" + c);
        }
        List<List<Object>> data = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            List<Object> row = new ArrayList<>(List.of(r));
            for (int c = 2; c <= width; c++) {
                row.add(r == changedRow && c == changedColumn ? newValue : "v" + r + "_" + c);
            }
            data.add(row);
        }
        return ResultTable.of(columns, data);
    }

    private static void assertFitsIn100(String feedback) {
        for (String line : feedback.split("\n")) {
            if (line.startsWith(" ") || line.startsWith("-")) { // table lines; prose is the reader's to wrap
                assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(100);
            }
        }
    }

    @Test
    @DisplayName("an UPDATE of one column of a 167-column table shows the key and that column, not two tables")
    void oneColumnOfAWideTable() {
        ResultTable expected = wide(167, 300, 42, 90, "archived");
        ResultTable actual = wide(167, 300, 0, 0, null);

        Comparison c = ResultComparator.compare(expected, actual, CompareOptions.unordered(),
                Situation.stateAfter("UPDATE posts SET c89 = 'archived' WHERE id = 41"));

        assertThat(c.feedback()).contains("A row has other values than expected (identified by id); only the values "
                + "that differ:\n"
                + " id | column | expected | now\n"
                + "----+--------+----------+--------\n"
                + " 42 | c90    | archived | v42_90")
                .doesNotContain("Missing row", "Unexpected row", "c89", "v42_91");
        assertFitsIn100(c.feedback());
    }

    @Test
    @DisplayName("a one-row result lists the differing columns without a key")
    void oneRowNoKey() {
        Comparison c = ResultComparator.compare(
                table("published_posts, avg_views", row(74, new BigDecimal("1455.01"))),
                table("published_posts, avg_views", row(74, new BigDecimal("1455.0135135135135135"))),
                CompareOptions.unordered());

        assertThat(c.feedback()).contains("A row has other values than expected; only the values that differ:\n"
                + " column    | expected |                 yours\n"
                + "-----------+----------+-----------------------\n"
                + " avg_views |  1455.01 | 1455.0135135135135135");
    }

    @Test
    @DisplayName("rows changed in many columns, or with no partner, stay whole Missing/Unexpected rows")
    void otherRowsStayWhole() {
        ResultTable expected = table("id, name, city, team", row(1, "ann", "Oslo", "red"),
                row(2, "bob", "Rome", "blue"), row(3, "cy", "Kyiv", "red"));
        ResultTable actual = table("id, name, city, team", row(1, "ann", "Oslo", "RED"),
                row(2, "bo", "Lima", "green"), row(4, "dee", "Kyiv", "red"));

        String feedback = ResultComparator.compare(expected, actual, CompareOptions.unordered()).feedback();

        assertThat(feedback).contains("  1 | team   | red      | RED")
                .contains("Missing rows (expected but not in your result):\n")
                .contains("  2 | bob  | Rome | blue").contains("  3 | cy   | Kyiv | red")
                .contains("Unexpected rows (in your result but not expected):\n")
                .contains("  2 | bo   | Lima | green").contains("  4 | dee  | Kyiv | red");
    }

    @Test
    @DisplayName("no more expected rows than before: paired rows count against maxRowsShown")
    void sameRevealBudget() {
        ResultTable expected = table("id, name, city", row(1, "a", "x"), row(2, "b", "x"), row(3, "c", "x"),
                row(4, "d", "x"));
        ResultTable actual = table("id, name, city", row(1, "a", "y"), row(2, "b", "y"), row(3, "c", "y"),
                row(5, "e", "x"));

        String feedback = ResultComparator.compare(expected, actual, CompareOptions.unordered().maxRowsShown(2))
                .feedback();

        assertThat(feedback).contains("3 rows have other values than expected (identified by id), first 2 of 3;")
                .contains("  1 | city   | x        | y").contains("  2 | city   | x        | y")
                .doesNotContain("  3 | city").doesNotContain("| d ")
                .contains("Missing rows (expected but not in your result): 1 more, not shown.")
                .contains("Unexpected row (in your result but not expected):");
    }

    @Test
    @DisplayName("long values are cut with … and the pointed table fits in 100 columns")
    void longValuesFit() {
        String longText = "lorem ipsum dolor sit amet ".repeat(6);
        ResultTable expected = table("id, title, body", row(1, "t", longText + "A"), row(2, "u", "x"));
        ResultTable actual = table("id, title, body", row(1, "t", longText + "B"), row(2, "u", "x"));

        String feedback = ResultComparator.compare(expected, actual, CompareOptions.unordered()).feedback();

        // Both start alike for 162 characters: each is shown from a little before the A and the B.
        assertThat(feedback).contains("  1 | body   | …or sit amet A | …or sit amet B");
        assertFitsIn100(feedback);
    }

    @Test
    @DisplayName("a wide table that cannot pair shows the columns that fit and says how many are left out")
    void wideUnpairedTable() {
        ResultTable expected = wide(167, 3, 0, 0, null);
        ResultTable actual = table(String.join(", ", expected.columns()), row(Arrays.copyOf(new Object[] {9}, 167)));

        String feedback = ResultComparator.compare(expected, actual, CompareOptions.unordered()).feedback();

        assertThat(feedback).containsPattern("… and 1\\d\\d more columns not shown \\(too wide\\)");
        assertFitsIn100(feedback);
    }
}
