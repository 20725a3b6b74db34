package dev.pglabs.comparison;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query result held in memory: column names, PostgreSQL type names and rows of normalised values.
 * Immutable, so expected and actual results can be shared between graders and threads.
 */
public final class ResultTable {

    /** How many rows {@link #toString()} shows: enough to debug, not enough to flood a log. */
    private static final int TO_STRING_ROWS = 50;

    private final List<String> columns;
    private final List<String> columnTypes;
    private final List<List<Object>> rows;
    private final boolean truncated;

    private ResultTable(List<String> columns, List<String> columnTypes, List<List<Object>> rows, boolean truncated) {
        this.columns = List.copyOf(columns);
        this.columnTypes = List.copyOf(columnTypes);
        if (!this.columnTypes.isEmpty() && this.columnTypes.size() != this.columns.size()) {
            throw new IllegalArgumentException(
                    "columnTypes has " + columnTypes.size() + " entries for " + columns.size() + " columns");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row == null || row.size() != this.columns.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + (row == null ? 0 : row.size())
                        + " values but the table has " + this.columns.size() + " columns");
            }
            // Not List.copyOf: SQL NULL is a null element, which List.copyOf rejects.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = Collections.unmodifiableList(copy);
        this.truncated = truncated;
    }

    /** A hand-made table (tests, fixed expectations); values should already be in normalised form. */
    public static ResultTable of(List<String> columns, List<List<Object>> rows) {
        return new ResultTable(columns, List.of(), rows, false);
    }

    /** A copy of this table marked as cut at the row cap (what {@link #read} returns for a huge result). */
    public ResultTable asTruncated() {
        return new ResultTable(columns, columnTypes, rows, true);
    }

    /** Same as {@link #of(List, List)} with the PostgreSQL type name of each column. */
    public static ResultTable of(List<String> columns, List<String> columnTypes, List<List<Object>> rows) {
        return new ResultTable(columns, columnTypes, rows, false);
    }

    /**
     * Reads at most {@code maxRows} rows and marks the table truncated if the result had more.
     * The cap protects the grader from a student's accidental cross join; callers should also
     * set {@code Statement.setMaxRows(maxRows + 1)} so the server does not send the rest.
     * Values are normalised (see {@link JdbcValues}) so that comparisons do not depend on driver types.
     */
    public static ResultTable read(ResultSet rs, int maxRows) throws SQLException {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, was " + maxRows);
        }
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        List<String> columns = new ArrayList<>(count);
        List<String> types = new ArrayList<>(count);
        for (int c = 1; c <= count; c++) {
            columns.add(meta.getColumnLabel(c));
            types.add(meta.getColumnTypeName(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() == maxRows) {
                truncated = true; // one row past the cap is enough to know; stop reading.
                break;
            }
            List<Object> row = new ArrayList<>(count);
            for (int c = 1; c <= count; c++) {
                row.add(JdbcValues.read(rs, c, types.get(c - 1)));
            }
            rows.add(row);
        }
        return new ResultTable(columns, types, rows, truncated);
    }

    public List<String> columns() {
        return columns;
    }

    /** PostgreSQL type names (int4, numeric, text, ...); empty for hand-made tables. */
    public List<String> columnTypes() {
        return columnTypes;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    /** True when {@link #read} stopped at its row cap: the real result has more rows than {@link #rowCount()}. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        String table = TableFormatter.format(this, TO_STRING_ROWS);
        return truncated ? table + "\n(stopped reading at " + rowCount() + " rows)" : table;
    }
}
