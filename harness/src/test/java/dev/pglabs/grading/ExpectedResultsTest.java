package dev.pglabs.grading;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.provisioning.ProvisioningException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code pglabs release} stores in place of a reference reads back as the very table a live run computes. */
class ExpectedResultsTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("a recorded result is stored and read back with every value's type, NULLs, column types and truncation")
    void roundTrip() throws Exception {
        ResultTable table = ResultTable.of(List.of("id", "price", "ratio", "ok", "day", "at", "at_utc", "name", "note"),
                List.of("int4", "numeric", "float8", "bool", "date", "timestamp", "timestamptz", "text", "text"),
                List.of(Arrays.asList(new BigDecimal("1"), new BigDecimal("12.50"), 0.1, true, LocalDate.of(2024, 1, 2),
                                LocalDateTime.of(2024, 1, 2, 3, 4), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 600, ZoneOffset.UTC),
                                "O'Brien, \"quoted\"\nline", null),
                        Arrays.asList(new BigDecimal("-3"), Double.NaN, Double.NEGATIVE_INFINITY, false, null, null, null,
                                "", "{\"theme\": \"dark\"}"))).asTruncated();
        ExpectedResults recorder = ExpectedResults.recording();
        assertThat(recorder.expected("01-lab", "default", "05-answer", () -> table)).isSameAs(table);
        recorder.writeTo(home);

        ResultTable stored = ExpectedResults.stored(home).expected("01-lab", "default", "05-answer", () -> {
            throw new AssertionError("a student release never runs a reference");
        });
        assertThat(stored.columns()).isEqualTo(table.columns());
        assertThat(stored.columnTypes()).isEqualTo(table.columnTypes());
        assertThat(stored.rows()).isEqualTo(table.rows());
        assertThat(stored.truncated()).isTrue();
        assertThat(stored.toString()).isEqualTo(table.toString());
        assertThat(ResultComparator.compare(stored, table, CompareOptions.ordered().withColumnNames()).matches()).isTrue();
    }

    @Test
    @DisplayName("a result the release did not store ends the check with a message, it never runs the reference")
    void missingResult() throws Exception {
        ExpectedResults.recording().writeTo(home);
        assertThatThrownBy(() -> ExpectedResults.stored(home).expected("01-lab", "default", "06-other", () -> {
            throw new AssertionError("a student release never runs a reference");
        })).isInstanceOf(ProvisioningException.class).hasMessageContaining("no expected result for '06-other'");
    }

    @Test
    @DisplayName("run live, a reference query runs once per lab, dataset and query, for every submission; a recording "
            + "records each")
    void liveQueriesRunOnce() {
        ResultTable table = ResultTable.of(List.of("n"), List.of(List.of(new BigDecimal("1"))));
        AtomicInteger runs = new AtomicInteger();
        Supplier<ResultTable> query = () -> {
            runs.incrementAndGet();
            return table;
        };
        ExpectedResults live = ExpectedResults.live();
        live.expectedQuery("01-lab", "default", "05-answer", "SELECT 1", query);
        live.forAnotherSubmission().expectedQuery("01-lab", "default", "05-answer", "SELECT 1", query);
        assertThat(runs).as("the same query on the same data").hasValue(1);
        live.expectedQuery("01-lab", "hidden", "05-answer", "SELECT 1", query);
        live.expectedQuery("01-lab", "default", "05-answer", "SELECT 2", query);
        assertThat(runs).as("other data, another query").hasValue(3);

        ExpectedResults recorder = ExpectedResults.recording();
        recorder.expectedQuery("01-lab", "default", "05-answer", "SELECT 1", query);
        assertThat(recorder.recordedCount("01-lab")).isOne();
        assertThat(recorder.forAnotherSubmission()).as("a recording is the release's own").isNotSameAs(recorder);
    }
}
