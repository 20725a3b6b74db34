package dev.pglabs.notebook;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.sql.SqlScript;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.UnaryOperator;

/**
 * Runs SQL text statement by statement, as psql does, and renders what each one gave: an aligned table with its
 * row count for a query, the command tag ("INSERT 0 1", "UPDATE 3", "BEGIN") otherwise, notices, and errors in
 * psql's form. Like psql, a failed statement does not stop the ones after it. The whole text has one time
 * limit: at expiry the running statement is cancelled (and its backend ended if it ignores the cancel).
 */
final class SqlRunner {

    /** How long a cancelled statement may take to give up before its backend is terminated. */
    private static final Duration TERMINATE_AFTER = Duration.ofSeconds(3);
    private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    /** Rows read from one result at most (the sandbox's cap); more are counted as "more than". */
    private static final int MAX_ROWS = 10_000;

    /** What a run gave; {@code problems} lines are README lines. */
    record Run(String output, List<CellResult.Problem> problems, boolean timedOut, boolean failed) {
    }

    private final SessionConnection connection;
    private final NotebookOptions options;
    private final UnaryOperator<String> scrub;

    /** @param scrub applied to text values before they are laid out, so column widths stay right */
    SqlRunner(SessionConnection connection, NotebookOptions options, UnaryOperator<String> scrub) {
        this.connection = connection;
        this.options = options;
        this.scrub = scrub;
    }

    /**
     * @param firstLine README line of the text's first line, for messages
     * @param rollbackAfterFailure end a transaction the text left failed (so the next cell is not stuck)
     */
    Run run(String sql, int firstLine, boolean rollbackAfterFailure) {
        List<String> pieces = new ArrayList<>();
        List<Boolean> tables = new ArrayList<>();
        List<CellResult.Problem> problems = new ArrayList<>();
        boolean failed = false;
        boolean[] terminated = {false};
        try (Watchdog watchdog = Watchdog.start(options.cellTimeout(), () -> {
            Statement stuck = connection.current();
            if (connection.cancel()) {
                Watchdog.later(TERMINATE_AFTER, () -> {
                    if (stuck != null && connection.current() == stuck) {  // the same statement, still running
                        terminated[0] = true;
                        connection.terminate();
                    }
                });
            }
        })) {
            for (SqlScript.Statement statement : SqlScript.split(sql)) {
                if (SqlScript.withoutComments(statement.sql()).isEmpty()) {
                    continue;
                }
                if (watchdog.expired()) {
                    break;
                }
                int line = firstLine + statement.line() - 1;
                try {
                    Result r = execute(statement);
                    pieces.addAll(r.pieces());
                    tables.addAll(r.tables());
                } catch (SQLException e) {
                    if (watchdog.expired()) {
                        break;
                    }
                    if (connection.cancelledByCell()) {
                        return new Run(join(pieces, tables), problems, true, false);  // the Java cell reports it
                    }
                    failed = true;
                    pieces.add(SqlErrors.psqlStyle(e, statement));
                    tables.add(false);
                    int pos = position(e);
                    problems.add(new CellResult.Problem(firstLine - 1 + (pos > 0 ? statement.fileLine(pos)
                            : statement.line()), SqlErrors.oneLine(e)));
                    if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                        connection.reset();
                    }
                }
            }
            boolean timedOut = watchdog.expired();
            if (timedOut) {
                pieces.add("⧗ stopped: the cell ran longer than its time limit (" + options.timeoutText() + ")");
                tables.add(false);
                problems.add(new CellResult.Problem(firstLine, "the cell ran longer than " + options.timeoutText()
                        + " and was stopped (set the limit with --timeout)."));
                if (terminated[0]) {
                    connection.reset();
                }
            }
            if ((timedOut || (failed && rollbackAfterFailure))
                    && connection.transactionState() == TransactionState.FAILED) {
                rollback();
                pieces.add("(pglabs rolled back the failed transaction)");
                tables.add(false);
            }
            return new Run(join(pieces, tables), problems, timedOut, failed);
        }
    }

    private record Result(List<String> pieces, List<Boolean> tables) {
    }

    private Result execute(SqlScript.Statement statement) throws SQLException {
        List<String> pieces = new ArrayList<>();
        List<Boolean> tables = new ArrayList<>();
        boolean aborted = connection.transactionState() == TransactionState.FAILED;
        String verb = CommandTags.verb(statement.sql());
        try (Statement st = connection.createStatement()) {
            st.setMaxRows(MAX_ROWS + 1);
            connection.running(st);
            try {
                boolean isResult = st.execute(statement.sql());
                long updateCount = -1;
                long rowsReturned = -1;
                while (true) {
                    if (isResult) {
                        ResultTable table;
                        try (var rs = st.getResultSet()) {
                            table = ResultTable.read(rs, MAX_ROWS);
                        }
                        notices(st, pieces, tables);
                        pieces.add(table(table));
                        tables.add(true);
                        rowsReturned = table.rowCount();
                    } else {
                        long count = st.getLargeUpdateCount();
                        if (count == -1) {
                            break;
                        }
                        updateCount = count;
                    }
                    isResult = st.getMoreResults();
                }
                notices(st, pieces, tables);
                if (rowsReturned < 0 || DML.contains(verb)) {
                    pieces.add(CommandTags.tag(statement.sql(), rowsReturned >= 0 ? rowsReturned
                            : Math.max(0, updateCount), aborted));
                    tables.add(false);
                }
            } finally {
                connection.running(null);
            }
        }
        return new Result(pieces, tables);
    }

    /** Notices (RAISE NOTICE, "… does not exist, skipping") in psql's form, in the order they came. */
    private static void notices(Statement st, List<String> pieces, List<Boolean> tables) throws SQLException {
        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
            String severity = w instanceof PSQLWarning p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getSeverity() != null
                    ? p.getServerErrorMessage().getSeverity() : "WARNING";
            String message = w instanceof PSQLWarning p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getMessage() : w.getMessage();
            pieces.add(severity + ":  " + message);
            tables.add(false);
        }
        st.clearWarnings();
    }

    /** A result as psql shows it: the table, then "(N rows)". */
    String table(ResultTable raw) {
        List<List<Object>> rows = raw.rows().stream()
                .map(row -> row.stream().map(v -> v instanceof String str ? (Object) scrub.apply(str) : v).toList())
                .toList();
        ResultTable table = ResultTable.of(raw.columns(), raw.columnTypes(), rows);
        String text = isPlan(table) ? plan(table) : TableFormatter.formatWhole(table, options.displayRows());
        int n = table.rowCount();
        if (raw.truncated()) {
            return text + "\n(more than " + MAX_ROWS + " rows; pglabs stopped reading)";
        }
        return n == 0 ? text : text + "\n(" + n + (n == 1 ? " row)" : " rows)");
    }

    /** The text output of EXPLAIN: one column "QUERY PLAN", one plan line per row. */
    private static boolean isPlan(ResultTable table) {
        return table.columns().size() == 1 && table.columns().get(0).equals("QUERY PLAN");
    }

    /**
     * A plan as psql prints it: every line whole, its indentation kept (the tree is in the indentation), unlike
     * an ordinary table, whose long values are cut and whose leading spaces are quoted to be seen.
     */
    private static String plan(ResultTable table) {
        List<String> lines = table.rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        String header = "QUERY PLAN";
        int width = Math.max(header.length(), lines.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(" ".repeat((width - header.length()) / 2 + 1)).append(header).append('\n');
        out.append("-".repeat(width + 2));
        for (String line : lines) {
            out.append("\n ").append(line);
        }
        return out.toString();
    }

    private static int position(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getPosition();
        }
        return 0;
    }

    private void rollback() {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            connection.reset();
        }
    }

    /** psql's spacing: a blank line after a table, none between command tags. */
    private static String join(List<String> pieces, List<Boolean> tables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                sb.append(tables.get(i - 1) ? "\n\n" : "\n");
            }
            sb.append(pieces.get(i));
        }
        return sb.toString();
    }
}
