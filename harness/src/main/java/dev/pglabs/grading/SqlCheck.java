package dev.pglabs.grading;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.Situation;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The shared steps of SQL graders: run the student's answer in the check's database, run the reference
 * as the grader, compare, and fail with feedback a beginner can act on. Graders name the reference
 * ({@link ReferenceAnswer}) and the comparison options; everything else lives here. In a student release the
 * reference is not there: its result on the visible data, stored by {@code pglabs release}, takes its place
 * ({@link ExpectedResults}), and the comparison and its feedback are the same.
 */
public final class SqlCheck {

    private static final int GRADER_MAX_ROWS = 100_000;

    private final LabFiles files;
    private final Supplier<CheckDatabase> databaseSupplier;
    private final String lab;
    private final String dataset;
    private final ExpectedResults expectedResults;
    private CheckDatabase database;

    /** The database is created on first use, so a missing or empty answer costs no database at all. */
    SqlCheck(LabFiles files, Supplier<CheckDatabase> database) {
        this(files, database, "", "default", ExpectedResults.live());
    }

    /** For the check of {@code lab} on {@code dataset}, with references' results from {@code expectedResults}. */
    SqlCheck(LabFiles files, Supplier<CheckDatabase> database, String lab, String dataset,
             ExpectedResults expectedResults) {
        this.files = files;
        this.databaseSupplier = database;
        this.lab = lab;
        this.dataset = dataset;
        this.expectedResults = expectedResults;
    }

    public CheckDatabase database() {
        if (database == null) {
            database = databaseSupplier.get();
        }
        return database;
    }

    /**
     * The answer in {@code file} must be one query whose result equals the reference query's result
     * on this check's data.
     */
    public void assertQuery(String file, String referenceSql, CompareOptions options) {
        assertQuery(file, () -> asGrader(referenceSql), options);
    }

    /**
     * The answer in {@code file} must be one query whose result equals the result of the reference on this check's
     * data (stored in a student release).
     */
    public void assertQuery(String file, ReferenceAnswer reference, CompareOptions options) {
        assertQuery(file, () -> expectedResults.expectedQuery(lab, dataset, reference.name(), reference.sql(),
                () -> asGrader(reference.sql())), options);
    }

    private void assertQuery(String file, Supplier<ResultTable> reference, CompareOptions options) {
        SqlAnswer answer = files.sql(file);
        answer.singleStatement();  // refuse several statements before running anything
        ResultTable expected = reference.get();
        // The whole file goes to the session, so error lines count from the top of the file.
        ResultTable actual = database().student().query(answer.statements(), answer.origin());
        Comparison comparison = ResultComparator.compare(expected, actual, options, Situation.query(answer.text()));
        if (!comparison.matches()) {
            throw new WrongResult("Your query in " + answer.origin()
                    + " does not return the expected result.\n" + comparison.feedback(), comparison.dataFreeSummary());
        }
    }

    /**
     * The script in {@code file} changes data; afterwards {@code stateQuery} (run by the grader) must return
     * what it returns after the reference script. The reference runs first inside a rolled-back transaction,
     * so both start from the same data.
     */
    public void assertChanges(String file, String referenceScript, String stateQuery, String whatChanged) {
        assertChanges(file, () -> asGraderRolledBack(referenceScript, stateQuery), stateQuery, whatChanged);
    }

    /**
     * As {@link #assertChanges(String, String, String, String)} with a named reference script: in a student release
     * the table state it leaves (on the visible data) is stored in its place.
     */
    public void assertChanges(String file, ReferenceAnswer reference, String stateQuery, String whatChanged) {
        assertChanges(file, () -> expectedResults.expected(lab, dataset, reference.name() + " | " + stateQuery,
                () -> asGraderRolledBack(reference.sql(), stateQuery)), stateQuery, whatChanged);
    }

    private void assertChanges(String file, Supplier<ResultTable> reference, String stateQuery, String whatChanged) {
        SqlAnswer answer = files.sql(file);
        ResultTable expected = reference.get();
        database().student().execute(answer.statements(), answer.origin());
        ResultTable actual = asGrader(stateQuery);
        Comparison comparison = ResultComparator.compare(expected, actual, CompareOptions.unordered(),
                Situation.stateAfter(answer.text()));
        if (!comparison.matches()) {
            throw new WrongResult("After running " + answer.origin() + ", " + whatChanged
                    + " is not as expected.\n" + comparison.feedback(), "After running your script, " + whatChanged
                    + " is not as expected. " + comparison.dataFreeSummary());
        }
    }

    /** Runs a query as the grader (full rights) and reads its result. */
    public ResultTable asGrader(String sql) {
        try (Connection c = database().openAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return ResultTable.read(rs, GRADER_MAX_ROWS);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed (a bug in the grader, not in your "
                    + "answer): " + e.getMessage(), e);
        }
    }

    private ResultTable asGraderRolledBack(String script, String stateQuery) {
        try (Connection c = database().openAdmin()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(script);
                try (ResultSet rs = st.executeQuery(stateQuery)) {
                    return ResultTable.read(rs, GRADER_MAX_ROWS);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's reference script failed (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
    }
}
