package dev.pglabs.comparison;

import static dev.pglabs.comparison.Tables.row;
import static dev.pglabs.comparison.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Value equality")
class ValueEqualityTest {

    private static boolean same(Object expected, Object actual) {
        return ResultComparator.compare(table("v", row(expected)), table("v", row(actual)),
                CompareOptions.unordered()).matches();
    }

    @Nested
    @DisplayName("NULL")
    class Nulls {

        @Test
        @DisplayName("NULL equals NULL in a result comparison")
        void nullEqualsNull() {
            assertThat(same(null, null)).isTrue();
        }

        @Test
        @DisplayName("NULL differs from a value, and from the text 'NULL' and the empty string")
        void nullDiffersFromValue() {
            assertThat(same(null, 0)).isFalse();
            assertThat(same("x", null)).isFalse();
            assertThat(same(null, "NULL")).isFalse();
            assertThat(same(null, "")).isFalse();
        }

        @Test
        @DisplayName("NULL is rendered as NULL in the feedback")
        void nullRendered() {
            Comparison c = ResultComparator.compare(table("name, city", row("ann", null)),
                    table("name, city", row("ann", "Oslo")), CompareOptions.unordered());

            assertThat(c.feedback()).containsPattern("(?m)^ city +\\| +NULL +\\| Oslo$");
        }
    }

    @Nested
    @DisplayName("Numbers")
    class Numbers {

        @Test
        @DisplayName("Integer, Long, BigInteger and BigDecimal 1, 1.0, 1.00 are all equal")
        void integerFamily() {
            assertThat(same(1, 1L)).isTrue();
            assertThat(same(1L, new BigDecimal("1.0"))).isTrue();
            assertThat(same(new BigDecimal("1.0"), new BigDecimal("1.00"))).isTrue();
            assertThat(same(BigInteger.ONE, 1)).isTrue();
            assertThat(same(new BigDecimal("100"), new BigDecimal("1E+2"))).isTrue();
            assertThat(same(new BigDecimal("0.00"), 0)).isTrue();
        }

        @Test
        @DisplayName("exact numbers get no tolerance")
        void exactNoTolerance() {
            assertThat(same(new BigDecimal("0.1"), new BigDecimal("0.1000000001"))).isFalse();
            assertThat(same(1, 2)).isFalse();
        }

        @Test
        @DisplayName("numeric values PostgreSQL cut at 16+ digits compare with the tolerance, whatever wrote them")
        void cutNumericTolerance() {
            // 3*a/(b-3*c) and a/((b-3*c)/3) for a=2, b=10, c=0.7, as PostgreSQL computes them.
            assertThat(same(new BigDecimal("0.75949367088607594937"), new BigDecimal("0.75949367088607595898")))
                    .isTrue();
            // Only one side cut: 1::numeric/3*3 against 1.
            assertThat(same(BigDecimal.ONE, new BigDecimal("0.99999999999999999999"))).isTrue();
            assertThat(same(new BigDecimal("0.75949367088607594937"), new BigDecimal("0.7595"))).isFalse();
        }

        @Test
        @DisplayName("a numeric value with all its digits meaningful compares exactly: an unrounded answer fails")
        void visibleScaleExact() {
            // round(avg(views)::numeric, 2) against avg(views): the task asked for two decimals.
            assertThat(same(new BigDecimal("1455.01"), new BigDecimal("1455.0125000000000000"))).isFalse();
            assertThat(same(new BigDecimal("1455.01"), new BigDecimal("1455.010"))).isTrue();
            // Big values keep every digit: a cent on ten billion is a difference.
            assertThat(same(new BigDecimal("12345678901.23"), new BigDecimal("12345678901.24"))).isFalse();
        }

        @Test
        @DisplayName("integers stay exact however many digits they have")
        void integersExact() {
            assertThat(same(new BigDecimal("12345678901234567890"), new BigDecimal("12345678901234567891")))
                    .isFalse();
            assertThat(same(9_007_199_254_740_993L, 9_007_199_254_740_992L)).isFalse();
        }

        @Test
        @DisplayName("doubles within a relative 1e-9 are equal, further apart they differ")
        void doubleTolerance() {
            assertThat(same(0.3, 0.1 + 0.2)).isTrue();
            assertThat(same(1.0, 1.0000000001)).isTrue();
            assertThat(same(1e20, 1.0000000001e20)).isTrue();
            assertThat(same(1.0, 1.00001)).isFalse();
            assertThat(same(0.0, 0.1 + 0.2 - 0.3)).isTrue();
        }

        @Test
        @DisplayName("a double compares with a BigDecimal by value, with the tolerance")
        void doubleVsBigDecimal() {
            assertThat(same(new BigDecimal("0.33333333333333333333"), 1.0 / 3)).isTrue();
            assertThat(same(2.5, new BigDecimal("2.50"))).isTrue();
            assertThat(same(2.5, new BigDecimal("2.6"))).isFalse();
        }

        @Test
        @DisplayName("a float8-typed column gets the tolerance even when both sides hold BigDecimal")
        void typedFloatingColumn() {
            ResultTable expected = Tables.typedTable("avg", "float8", row(new BigDecimal("3.3333333333333335")));
            ResultTable actual = Tables.typedTable("avg", "numeric", row(new BigDecimal("3.3333333333333333")));

            assertThat(ResultComparator.compare(expected, actual, CompareOptions.unordered()).matches()).isTrue();
        }

        @Test
        @DisplayName("doubles either side of a rounding boundary of the hash key still match")
        void roundingBoundary() {
            // 12 significant digits: the first rounds down (half-even), the second up, yet they are 1e-13 apart.
            assertThat(same(1.000000000005, 1.0000000000051)).isTrue();
        }

        @Test
        @DisplayName("NaN equals NaN, infinities equal themselves only")
        void specialDoubles() {
            assertThat(same(Double.NaN, Double.NaN)).isTrue();
            assertThat(same(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
            assertThat(same(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isFalse();
            assertThat(same(Double.NaN, 1.0)).isFalse();
        }
    }

    @Nested
    @DisplayName("Text, booleans and dates")
    class Others {

        @Test
        @DisplayName("strings compare exactly, case and spaces included")
        void strings() {
            assertThat(same("alice", "alice")).isTrue();
            assertThat(same("alice", "Alice")).isFalse();
            assertThat(same("alice", "alice ")).isFalse();
        }

        @Test
        @DisplayName("a number and its text are different values")
        void numberVersusText() {
            assertThat(same(1, "1")).isFalse();
        }

        @Test
        @DisplayName("booleans, dates and timestamps compare by value")
        void booleansAndDates() {
            assertThat(same(true, true)).isTrue();
            assertThat(same(true, false)).isFalse();
            assertThat(same(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1))).isTrue();
            assertThat(same(LocalDateTime.of(2024, 3, 1, 10, 0), LocalDateTime.of(2024, 3, 1, 10, 0, 1))).isFalse();
        }

        @Test
        @DisplayName("timestamps with time zone compare by instant")
        void offsetDateTimeByInstant() {
            OffsetDateTime oslo = OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2));
            OffsetDateTime utc = OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

            assertThat(same(oslo, utc)).isTrue();
            assertThat(same(oslo, utc.plusSeconds(1))).isFalse();
        }
    }
}
