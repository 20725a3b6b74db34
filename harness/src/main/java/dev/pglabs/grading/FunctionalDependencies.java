package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds functional dependencies in the rows of a table: "X determines c" holds in the data when no two rows
 * agree on the columns X and differ in c. For normalization checks, what matters is a dependency whose
 * determinant <em>repeats</em> (some value of X is on two or more rows): then the value of c is stored once per
 * such row, which is redundancy. A determinant that never repeats is unique in the data (a key, declared or
 * not) and determines everything trivially.
 *
 * <p>Data can only show that a dependency is <em>not</em> there (one counterexample suffices); a dependency
 * that holds may be an accident of small data. Build datasets with counterexamples for the accidental ones.
 * NULL counts as a value of its own (two NULLs agree, NULL and 1 differ). Values are compared through their
 * text form, so every type works.
 *
 * <p>Queries run on an administrative connection of the check database with search_path pinned to
 * pg_catalog, and only read plain tables, so nothing the student created runs with the grader's rights.
 * A statement time limit protects the grader from a huge table.
 */
public final class FunctionalDependencies {

    /** Far above what a lab table holds; a student's runaway load ends the check instead of stalling it. */
    private static final String GRADER_STATEMENT_TIMEOUT = "20s";

    /**
     * What the data says about one determinant.
     *
     * @param table        the table
     * @param determinant  the columns X
     * @param largestGroup how many rows share the most frequent value of X (1: X is unique in the data; 0: no rows)
     * @param determined   the candidate columns (not in X) that X determines in the data, in the order asked
     */
    public record Determination(String table, List<String> determinant, long largestGroup, List<String> determined) {

        /** Some value of the determinant is on two or more rows, so whatever it determines is stored repeatedly. */
        public boolean repeats() {
            return largestGroup > 1;
        }

        public boolean determines(String column) {
            return determined.contains(column);
        }
    }

    /**
     * The largest group of rows that shows a dependency: {@code rows} rows have the determinant values
     * {@code determinantValues}, and all of them hold {@code dependentValue} in the dependent column.
     */
    public record Example(List<String> determinantValues, String dependentValue, long rows) {
    }

    private final CheckDatabase database;
    private final String schema;
    private Connection connection;

    /** Looks at tables of the {@code public} schema of the check's database. */
    public FunctionalDependencies(CheckDatabase database) {
        this(database, "public");
    }

    public FunctionalDependencies(CheckDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /** The number of rows of the table. */
    public long rowCount(String table) {
        return query("SELECT count(*) FROM " + qualified(table), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** Whether no two rows agree on all these columns (NULLs agree with each other). An empty table is unique. */
    public boolean isUnique(String table, List<String> columns) {
        return determination(table, columns, List.of()).largestGroup() <= 1;
    }

    /**
     * For the determinant X ({@code determinant}), which of {@code candidates} it determines in the data,
     * and how often its most frequent value repeats. One query, one pass over the table.
     */
    public Determination determination(String table, List<String> determinant, List<String> candidates) {
        if (determinant.isEmpty()) {
            throw new IllegalArgumentException("a determinant needs at least one column");
        }
        List<String> others = candidates.stream().filter(c -> !determinant.contains(c)).toList();
        StringBuilder inner = new StringBuilder("SELECT count(*) AS n");
        StringBuilder outer = new StringBuilder("SELECT coalesce(max(n), 0)");
        for (int i = 0; i < others.size(); i++) {
            String c = quote(others.get(i));
            // At most one value per group; a NULL next to a value counts as a second value.
            inner.append(", count(DISTINCT ").append(c).append("::text) + max(CASE WHEN ").append(c)
                    .append(" IS NULL THEN 1 ELSE 0 END) <= 1 AS d").append(i);
            outer.append(", coalesce(bool_and(d").append(i).append("), true)");
        }
        inner.append(" FROM ").append(qualified(table)).append(" GROUP BY ").append(textList(determinant));
        String sql = outer + " FROM (" + inner + ") AS g";
        return query(sql, rs -> {
            rs.next();
            List<String> determined = new ArrayList<>();
            for (int i = 0; i < others.size(); i++) {
                if (rs.getBoolean(i + 2)) {
                    determined.add(others.get(i));
                }
            }
            return new Determination(table, List.copyOf(determinant), rs.getLong(1), List.copyOf(determined));
        });
    }

    /**
     * The largest group of rows sharing one value of the determinant and of the dependent column: the best
     * evidence of redundancy to show a student. Empty only for an empty table.
     */
    public Optional<Example> example(String table, List<String> determinant, String dependent) {
        String texts = textList(determinant);
        String sql = "SELECT " + texts + ", " + quote(dependent) + "::text, count(*) FROM " + qualified(table)
                + " GROUP BY " + texts + ", " + quote(dependent) + "::text ORDER BY count(*) DESC, " + texts
                + " LIMIT 1";
        return query(sql, rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < determinant.size(); i++) {
                values.add(rs.getString(i + 1));
            }
            return Optional.of(new Example(values, rs.getString(determinant.size() + 1),
                    rs.getLong(determinant.size() + 2)));
        });
    }

    /**
     * A smallest subset of {@code key} that is still unique in the data: subsets are tried from the smallest up,
     * and among subsets of one size, those of earlier columns first, so the columns as declared win over an
     * accidental key of the data. A declared key that is bigger than needed holds columns that depend on the rest
     * of it. Returns {@code key} itself when no smaller subset is unique (or for keys of more than six columns).
     */
    public List<String> minimalUniqueSubset(String table, List<String> key) {
        int n = key.size();
        if (n < 2 || n > 6) {
            return List.copyOf(key);
        }
        for (int size = 1; size < n; size++) {
            for (List<Integer> positions : combinations(n, size)) {
                List<String> subset = positions.stream().map(key::get).toList();
                if (isUnique(table, subset)) {
                    return subset;
                }
            }
        }
        return List.copyOf(key);
    }

    /** The ways to pick {@code size} of {@code n} positions, each ascending, in lexicographic order. */
    private static List<List<Integer>> combinations(int n, int size) {
        List<List<Integer>> all = new ArrayList<>();
        int[] pick = new int[size];
        for (int i = 0; i < size; i++) {
            pick[i] = i;
        }
        while (true) {
            List<Integer> one = new ArrayList<>(size);
            for (int p : pick) {
                one.add(p);
            }
            all.add(List.copyOf(one));
            int i = size - 1;
            while (i >= 0 && pick[i] == n - size + i) {
                i--;
            }
            if (i < 0) {
                return all;
            }
            pick[i]++;
            for (int j = i + 1; j < size; j++) {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    /** An SQL identifier, always quoted (student tables may have any name). */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private String qualified(String table) {
        return quote(schema) + "." + quote(table);
    }

    /** Columns compared through their text form: every type has one, not every type has an equality. */
    private static String textList(List<String> columns) {
        return columns.stream().map(c -> quote(c) + "::text").collect(Collectors.joining(", "));
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Reader<T> reader) {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return reader.read(rs);
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw new CheckFailure(CheckStatus.TIMEOUT, "Reading your "
                        + "tables took the grader longer than " + GRADER_STATEMENT_TIMEOUT + ": they hold far more "
                        + "rows than the data you load. Check what your load script inserts.", e);
            }
            throw new ProvisioningException("The grader could not read your tables (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.openAdmin();  // closed with the check
            try (Statement st = connection.createStatement()) {
                // Only built-in functions and operators, whatever the student created in public.
                st.execute("SET search_path = pg_catalog, pg_temp");
                st.execute("SET statement_timeout = '" + GRADER_STATEMENT_TIMEOUT + "'");
            }
        }
        return connection;
    }
}
