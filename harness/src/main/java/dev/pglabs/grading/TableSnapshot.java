package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rows of some tables at one moment, every value in its text form, for questions that do not depend on the
 * tables' design: how many rows did a script change, add or remove ({@link #diff}), and in which rows is a value
 * stored ({@link #rowsHolding}). Take one before and one after a student's script.
 *
 * <p>Read as the grader on an administrative connection with search_path pinned to pg_catalog; only plain
 * tables are read, so nothing the student created runs with the grader's rights.
 */
public final class TableSnapshot {

    /** One row: its table and its values by column name, in column order (null for SQL NULL). */
    public record Row(String table, Map<String, String> values) {

        public Row {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The row as psql would print it in one line: {@code customers (1003, Noor Haddad, Amsterdam)}. */
        public String describe() {
            return table + " (" + values.values().stream().map(v -> v == null ? "NULL" : v)
                    .collect(Collectors.joining(", ")) + ")";
        }

        /** Whether one of the row's columns holds exactly this text. */
        public boolean holds(String value) {
            return values.containsValue(value);
        }
    }

    /** What changed between two snapshots, as a bag: an UPDATE of one row is one removed and one added row. */
    public record Diff(List<Row> removed, List<Row> added) {

        public boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }

        /** The tables that lost or gained rows, in order of appearance. */
        public List<String> tables() {
            return Stream.concat(removed.stream(), added.stream()).map(Row::table).distinct()
                    .toList();
        }
    }

    private final Map<String, List<Row>> rows;

    private TableSnapshot(Map<String, List<Row>> rows) {
        this.rows = rows;
    }

    /**
     * Reads every row of these tables of the {@code public} schema.
     *
     * @param maxRowsPerTable a table with more rows ends the check as failed, with a message: snapshots are for
     *                        the small tables of exercises, and a runaway load should not stall the grader
     */
    public static TableSnapshot take(CheckDatabase database, Collection<String> tables, int maxRowsPerTable) {
        try (Connection c = database.openAdmin()) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path = pg_catalog, pg_temp");
                st.execute("SET statement_timeout = '20s'");
            }
            return take(c, tables, maxRowsPerTable);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader could not read your tables (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
    }

    /**
     * The same on a connection the grader already has (administrative, to the check database). The caller pins
     * its search_path ({@code SET search_path = pg_catalog, pg_temp}) so that no function of the student's runs.
     */
    public static TableSnapshot take(Connection connection, Collection<String> tables, int maxRowsPerTable) {
        Map<String, List<Row>> all = new LinkedHashMap<>();
        try {
            for (String table : tables) {
                all.put(table, read(connection, table, maxRowsPerTable));
            }
        } catch (SQLException e) {
            throw new ProvisioningException("The grader could not read your tables (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
        return new TableSnapshot(all);
    }

    public List<String> tables() {
        return List.copyOf(rows.keySet());
    }

    public List<Row> rows(String table) {
        return rows.getOrDefault(table, List.of());
    }

    public int rowCount(String table) {
        return rows(table).size();
    }

    /** Every row, of any table of the snapshot, in which some column holds exactly this text. */
    public List<Row> rowsHolding(String value) {
        return rows.values().stream().flatMap(List::stream).filter(r -> r.holds(value)).toList();
    }

    /**
     * The rows that are in this snapshot but not in {@code after} (removed) and the other way round (added),
     * compared as bags per table. Tables only in one of the snapshots count with all their rows.
     */
    public Diff diff(TableSnapshot after) {
        List<Row> removed = new ArrayList<>();
        List<Row> added = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(rows.keySet());
        names.addAll(after.rows.keySet());
        for (String table : names) {
            Map<Map<String, String>, Integer> counts = new HashMap<>();
            for (Row r : after.rows(table)) {
                counts.merge(r.values(), 1, Integer::sum);
            }
            for (Row r : rows(table)) {
                Integer n = counts.get(r.values());
                if (n == null || n == 0) {
                    removed.add(r);
                } else {
                    counts.put(r.values(), n - 1);
                }
            }
            for (Row r : after.rows(table)) {
                Integer n = counts.get(r.values());
                if (n != null && n > 0) {
                    added.add(r);
                    counts.put(r.values(), n - 1);
                }
            }
        }
        return new Diff(List.copyOf(removed), List.copyOf(added));
    }

    private static List<Row> read(Connection c, String table, int maxRows) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname::text FROM pg_attribute a "
                + "JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE n.nspname = 'public' AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
                + "ORDER BY a.attnum")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        List<Row> list = new ArrayList<>();
        if (columns.isEmpty()) {
            return list;
        }
        String select = columns.stream().map(col -> FunctionalDependencies.quote(col) + "::text")
                .collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.setMaxRows(maxRows + 1);
            try (ResultSet rs = st.executeQuery("SELECT " + select + " FROM public."
                    + FunctionalDependencies.quote(table))) {
                while (rs.next()) {
                    if (list.size() == maxRows) {
                        throw new CheckFailure(CheckStatus.FAILED, "Your table " + table + " holds more than "
                                + maxRows + " rows, far more than the data it should hold. Check what your "
                                + "script inserts into it.");
                    }
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(columns.get(i), rs.getString(i + 1));
                    }
                    list.add(new Row(table, values));
                }
            }
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSnapshot other && Objects.equals(rows, other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }
}
