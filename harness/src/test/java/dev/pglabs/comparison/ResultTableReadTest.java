package dev.pglabs.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reads real ResultSets from a local PostgreSQL; skipped when none is running. Creates no tables. */
@Tag("provider")
@DisplayName("ResultTable.read against a real PostgreSQL")
class ResultTableReadTest {

    /** Overridable (-Dpglabs.test.pgUrl=...) for machines whose server listens elsewhere. */
    private static final String URL = System.getProperty("pglabs.test.pgUrl", "jdbc:postgresql://127.0.0.1:5432/postgres");

    private static Connection connection;

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "3");
        try {
            connection = DriverManager.getConnection(URL, props);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + URL + " as user postgres (" + e.getMessage()
                    + "); these tests need a local server with trust authentication.");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private static ResultTable query(String sql, int maxRows) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return ResultTable.read(rs, maxRows);
        }
    }

    @Test
    @DisplayName("normalises int, numeric, float, text, bool, date, timestamps, NULL and arrays")
    void normalisation() throws SQLException {
        // A non-UTC session zone proves that timestamptz comes back as the same instant, in UTC.
        try (Statement st = connection.createStatement()) {
            st.execute("SET TIME ZONE 'Europe/Oslo'");
        }
        ResultTable t = query("SELECT * FROM (VALUES (42, 9999999999::int8, 12.50::numeric, 0.1::float8, 0.1::float4,"
                + " 'Ann'::text, 'x'::varchar(5), 'ab'::char(3), true, DATE '2024-03-01',"
                + " TIMESTAMP '2024-03-01 10:15:30', TIMESTAMPTZ '2024-03-01 10:15:30+02', NULL::text,"
                + " ARRAY[1,2,3], 'NaN'::numeric))"
                + " AS v(i, big, n, f8, f4, t, vc, ch, b, d, ts, tstz, nothing, arr, nan)", 10);

        assertThat(t.columns()).containsExactly("i", "big", "n", "f8", "f4", "t", "vc", "ch", "b", "d", "ts", "tstz",
                "nothing", "arr", "nan");
        assertThat(t.columnTypes()).containsExactly("int4", "int8", "numeric", "float8", "float4", "text", "varchar",
                "bpchar", "bool", "date", "timestamp", "timestamptz", "text", "_int4", "numeric");
        assertThat(t.rowCount()).isEqualTo(1);
        assertThat(t.truncated()).isFalse();
        List<Object> row = t.rows().get(0);
        assertThat(row.get(0)).isEqualTo(new BigDecimal("42"));
        assertThat(row.get(1)).isEqualTo(new BigDecimal("9999999999"));
        assertThat(row.get(2)).isEqualTo(new BigDecimal("12.50"));
        assertThat(row.get(3)).isEqualTo(0.1);
        assertThat(row.get(4)).isEqualTo(0.1);
        assertThat(row.get(5)).isEqualTo("Ann");
        assertThat(row.get(6)).isEqualTo("x");
        assertThat(row.get(7)).isEqualTo("ab ");
        assertThat(row.get(8)).isEqualTo(Boolean.TRUE);
        assertThat(row.get(9)).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(row.get(10)).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15, 30));
        assertThat(row.get(11)).isEqualTo(OffsetDateTime.of(2024, 3, 1, 8, 15, 30, 0, ZoneOffset.UTC));
        assertThat(row.get(12)).isNull();
        assertThat(row.get(13)).isEqualTo("{1,2,3}");
        assertThat((Double) row.get(14)).isNaN();
    }

    @Test
    @DisplayName("NULLs of every type read as null, not as 0 or false")
    void typedNulls() throws SQLException {
        ResultTable t = query("SELECT NULL::int4, NULL::numeric, NULL::float8, NULL::float4, NULL::bool, NULL::date,"
                + " NULL::timestamp, NULL::timestamptz, NULL::int[]", 10);

        assertThat(t.rows().get(0)).containsOnlyNulls().hasSize(9);
    }

    @Test
    @DisplayName("a result read from the server compares equal to the same values written by hand")
    void comparesWithHandMade() throws SQLException {
        ResultTable fromServer = query("SELECT * FROM (VALUES (1, 'ann', 2.5::float8), (2, 'bob', NULL))"
                + " AS v(id, name, score)", 10);
        ResultTable byHand = Tables.table("id, name, score", Tables.row(1L, "ann", 2.5), Tables.row(2, "bob", null));

        assertThat(ResultComparator.compare(byHand, fromServer, CompareOptions.ordered().withColumnNames()).matches())
                .isTrue();
    }

    private static final String ONE_TWO_TWO = " FROM (VALUES (1), (2), (2)) AS v(x)";

    private static boolean matches(ResultTable expected, ResultTable actual) {
        return ResultComparator.compare(expected, actual, CompareOptions.unordered()).matches();
    }

    @Test
    @DisplayName("two numeric expressions equal in mathematics but not in their 17th digit compare equal")
    void numericToThePrecisionThatMatters() throws SQLException {
        String data = " FROM (VALUES (7::numeric, 11::numeric, 1.3::numeric), (2, 10, 0.7)) AS v(a, b, c)";
        ResultTable reference = query("SELECT 3*a/(b-3*c) AS r" + data, 10);
        ResultTable regrouped = query("SELECT a/((b-3*c)/3) AS r" + data, 10);
        ResultTable inFloat8 = query("SELECT (3*a::float8)/(b-3*c) AS r" + data, 10);
        assertThat(regrouped.rows()).isNotEqualTo(reference.rows()); // the digits do differ past the 16th

        assertThat(matches(reference, regrouped)).isTrue();
        assertThat(matches(reference, inFloat8)).isTrue();
    }

    @Test
    @DisplayName("a rounded numeric reference is matched exactly: the unrounded average and a numeric(p,s) miss")
    void roundedNumericExact() throws SQLException {
        ResultTable rounded = query("SELECT round(avg(x), 2)" + ONE_TWO_TWO, 10);

        assertThat(matches(rounded, query("SELECT avg(x)" + ONE_TWO_TWO, 10))).isFalse();
        assertThat(matches(rounded, query("SELECT avg(x)::numeric(6,1)" + ONE_TWO_TWO, 10))).isFalse();
        assertThat(matches(rounded, query("SELECT avg(x)::numeric(6,2)" + ONE_TWO_TWO, 10))).isTrue();
        assertThat(matches(query("SELECT sum(x)::int8 * 1000000000000 + 1" + ONE_TWO_TWO, 10),
                query("SELECT sum(x)::int8 * 1000000000000" + ONE_TWO_TWO, 10))).isFalse();
    }

    @Test
    @DisplayName("a date where a timestamp is expected: the feedback names both types as psql does, and the cast")
    void dateVersusTimestamp() throws SQLException {
        String data = " FROM (VALUES (1, DATE '2024-03-01'), (2, DATE '2024-03-02')) AS v(id, created)";
        ResultTable expected = query("SELECT id, created::timestamp AS created" + data, 10);
        ResultTable actual = query("SELECT id, created" + data, 10);

        Comparison c = ResultComparator.compare(expected, actual, CompareOptions.unordered());

        assertThat(c.matches()).isFalse();
        assertThat(c.feedback()).contains("Column 2 (created) of your result is date, the expected column is "
                + "timestamp.", "::timestamp").doesNotContain("Column 1");
        Comparison tz = ResultComparator.compare(query("SELECT now()::timestamptz AS t", 1),
                query("SELECT now()::timestamp AS t", 1), CompareOptions.unordered());
        assertThat(tz.feedback()).contains("Column 1 (t) of your result is timestamp, the expected column is "
                + "timestamp with time zone.");
    }

    @Test
    @DisplayName("stops at maxRows and marks the table truncated only when there were more rows")
    void truncation() throws SQLException {
        String fiveRows = "SELECT * FROM (VALUES (1), (2), (3), (4), (5)) AS v(n)";

        ResultTable capped = query(fiveRows, 3);
        assertThat(capped.rowCount()).isEqualTo(3);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.toString()).endsWith("(stopped reading at 3 rows)");

        ResultTable exact = query(fiveRows, 5);
        assertThat(exact.rowCount()).isEqualTo(5);
        assertThat(exact.truncated()).isFalse();
    }
}
