package ${PACKAGE};

import ${PACKAGE}.sandboxed.CountCheaper;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades lab ${ID} (${TITLE}). The student's {@code app.items.ItemQueries} is compiled by the harness and called
 * in the submission's worker ({@link CountCheaper}, in the {@code sandboxed} package: the only grader classes
 * student code can see), on a connection to the check's database. The expected counts are asked of the same
 * database here, so the check runs again, hidden, on a variant of the data ({@code hiddenOn}).
 */
@Grader(lab = "${FOLDER}")
@DisplayName("Lab ${ID} · ${TITLE}")
class ${CLASS} {

    private static final String HIDDEN_DATA = "hidden";
    /** One query on a few rows; the limit also covers a fresh worker starting and loading the student's class. */
    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** Prices to ask about: one equal to an item's price (is it counted?), below all, between, above all. */
    private static final List<BigDecimal> LIMITS = List.of(new BigDecimal("1.20"), new BigDecimal("0.10"),
            new BigDecimal("1.50"), new BigDecimal("100.00"));

    @Check(id = "01-count-cheaper", hiddenOn = HIDDEN_DATA,
            hint = "One query that counts, with the limit as a parameter of a PreparedStatement (never glued into "
                    + "the SQL text). Strictly cheaper: an item that costs exactly the limit is not counted.")
    @DisplayName("01 ItemQueries.countCheaperThan counts the items cheaper than a limit")
    void e01_countCheaper(CompiledSubmission code, StudentJvm jvm, CheckDatabase db) throws SQLException {
        ConnectionTarget worker = jvm.database(db.studentTarget());
        List<String> wrong = new ArrayList<>();
        for (BigDecimal limit : LIMITS) {
            int expected = expectedCount(db, limit);
            int actual = jvm.call(new CountCheaper(jvm.code(code), worker.jdbcUrl(), worker.properties(), limit),
                    LIMIT, "ItemQueries.countCheaperThan");
            if (actual != expected) {
                wrong.add("countCheaperThan(connection, " + limit + ") returned " + actual + ", expected " + expected
                        + ".");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionFailedError(String.join("\n", wrong));
        }
    }

    private static int expectedCount(CheckDatabase db, BigDecimal limit) throws SQLException {
        try (Connection admin = db.openAdmin();
             PreparedStatement st = admin.prepareStatement("SELECT count(*) FROM items WHERE price < ?")) {
            st.setBigDecimal(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
