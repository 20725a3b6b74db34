package dev.pglabs.grading;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the indexes of a schema really are, read from the catalog (pg_index) rather than from their names:
 * key columns or expressions in order with their direction and operator class, INCLUDE columns, the
 * WHERE predicate of a partial index, uniqueness and the constraint an index backs. Graders compare
 * these to what an exercise intends, so any name and any equivalent spelling of an index is accepted.
 *
 * <p>Expressions are PostgreSQL's own deparsed text ({@code pg_get_indexdef}, {@code pg_get_expr}), so
 * {@code LOWER( email )} and {@code lower(email)} read the same: {@code lower(email)}.
 */
public final class IndexCatalog {

    private static final String QUERY = """
            SELECT i.indexrelid::bigint AS oid, n.nspname AS schema, t.relname AS table_name, c.relname AS index_name,
                   am.amname AS method, i.indisunique, i.indisprimary, i.indisvalid, i.indnkeyatts, i.indnatts,
                   con.conname AS constraint_name,
                   pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   pg_get_indexdef(i.indexrelid) AS definition,
                   pg_relation_size(i.indexrelid) AS bytes,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) AS k
                         ORDER BY k) AS columns,
                   ARRAY(SELECT i.indoption[k - 1] FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS options,
                   ARRAY(SELECT i.indkey[k - 1] = 0 FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS computed,
                   ARRAY(SELECT coalesce(oc.opcname, '') || CASE WHEN oc.opcdefault THEN '' ELSE '!' END
                         FROM generate_series(1, i.indnkeyatts) AS k
                         LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[k - 1] ORDER BY k) AS opclasses,
                   ARRAY(SELECT coalesce(co.collname, '')
                         FROM generate_series(1, i.indnkeyatts) AS k
                         LEFT JOIN pg_collation co ON co.oid = i.indcollation[k - 1] ORDER BY k) AS collations
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = c.relam
            LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                       AND con.contype IN ('p', 'u', 'x')
            WHERE n.nspname = ?
            ORDER BY t.relname, c.relname""";

    private IndexCatalog() {
    }

    /** Every index of the tables in this schema, by table then index name. */
    public static List<Index> list(Connection connection, String schema) throws SQLException {
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(read(rs));
                }
            }
        }
        return List.copyOf(indexes);
    }

    /** The indexes of one table in schema public. */
    public static List<Index> onTable(Connection connection, String table) throws SQLException {
        return list(connection, "public").stream().filter(i -> i.table().equals(table)).toList();
    }

    private static Index read(ResultSet rs) throws SQLException {
        int keyCount = rs.getInt("indnkeyatts");
        List<String> columns = strings(rs.getArray("columns"));
        List<String> opclasses = strings(rs.getArray("opclasses"));
        List<String> collations = strings(rs.getArray("collations"));
        Object[] options = (Object[]) rs.getArray("options").getArray();
        Object[] computed = (Object[]) rs.getArray("computed").getArray();
        List<Key> keys = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            int option = options[k] == null ? 0 : ((Number) options[k]).intValue();
            String opclass = opclasses.get(k);
            boolean defaultOpclass = !opclass.endsWith("!");
            keys.add(new Key(columns.get(k), Boolean.TRUE.equals(computed[k]), (option & 1) != 0, (option & 2) != 0,
                    defaultOpclass ? opclass : opclass.substring(0, opclass.length() - 1), defaultOpclass,
                    collations.get(k)));
        }
        return new Index(rs.getLong("oid"), rs.getString("schema"), rs.getString("table_name"),
                rs.getString("index_name"), rs.getString("method"), rs.getBoolean("indisunique"),
                rs.getBoolean("indisprimary"), rs.getBoolean("indisvalid"), rs.getString("constraint_name"),
                List.copyOf(keys), List.copyOf(columns.subList(keyCount, columns.size())),
                rs.getString("predicate"), rs.getString("definition"), rs.getLong("bytes"));
    }

    private static List<String> strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v == null ? "" : v.toString()).toList();
    }

    /**
     * One key of an index.
     *
     * @param expression     the column name ({@code user_id}) or expression ({@code lower(email)}), as deparsed
     * @param computed       whether the key is an expression rather than a plain column
     * @param descending     DESC
     * @param nullsFirst     NULLS FIRST (the default for DESC)
     * @param opclass        the operator class, e.g. {@code text_ops} or {@code text_pattern_ops}
     * @param defaultOpclass whether it is the type's default operator class for the method
     * @param collation      the collation name, or "" where the type has none
     */
    public record Key(String expression, boolean computed, boolean descending, boolean nullsFirst, String opclass,
                      boolean defaultOpclass, String collation) {

        /** As in CREATE INDEX: {@code created_at DESC}, {@code email text_pattern_ops}. */
        public String render() {
            StringBuilder s = new StringBuilder(expression);
            if (!defaultOpclass) {
                s.append(' ').append(opclass);
            }
            if (descending) {
                s.append(" DESC");
                if (!nullsFirst) {
                    s.append(" NULLS LAST");
                }
            } else if (nullsFirst) {
                s.append(" NULLS FIRST");
            }
            return s.toString();
        }
    }

    /**
     * One index.
     *
     * @param oid        its pg_class oid (stable for the life of the index; names can be reused)
     * @param method     the access method: btree, hash, gin, gist, brin, …
     * @param valid      false for an index whose CREATE INDEX CONCURRENTLY failed (the planner ignores it)
     * @param constraint the PRIMARY KEY / UNIQUE / EXCLUDE constraint this index backs, or null
     * @param keys       the key columns or expressions, in order
     * @param included   INCLUDE columns (stored, not searchable)
     * @param predicate  the WHERE of a partial index, deparsed ({@code status = 'draft'::text}), or null
     * @param definition {@code pg_get_indexdef}: the CREATE INDEX statement that recreates it
     * @param bytes      its size on disk
     */
    public record Index(long oid, String schema, String table, String name, String method, boolean unique,
                        boolean primary, boolean valid, String constraint, List<Key> keys, List<String> included,
                        String predicate, String definition, long bytes) {

        public boolean partial() {
            return predicate != null;
        }

        /** Whether a key is an expression: only such an index makes ANALYZE gather new statistics. */
        public boolean hasExpressionKey() {
            return keys.stream().anyMatch(Key::computed);
        }

        /** The expressions of the keys, in order: ["user_id", "created_at"]. */
        public List<String> keyExpressions() {
            return keys.stream().map(Key::expression).toList();
        }

        /** The i-th key's expression (0-based), or "" if the index has fewer keys. */
        public String key(int i) {
            return i < keys.size() ? keys.get(i).expression() : "";
        }

        /** Whether the first keys are exactly these expressions, in this order (more keys may follow). */
        public boolean startsWith(String... expressions) {
            if (expressions.length > keys.size()) {
                return false;
            }
            for (int i = 0; i < expressions.length; i++) {
                if (!keys.get(i).expression().equals(expressions[i])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Same table, method, keys (expressions, directions, operator classes, collations) and predicate: the two
         * indexes find the same rows in the same order, so one of them is redundant whatever their names.
         * INCLUDE columns and uniqueness are not compared.
         */
        public boolean sameKeysAs(Index other) {
            return schema.equals(other.schema) && table.equals(other.table) && method.equals(other.method)
                    && keys.equals(other.keys) && Objects.equals(predicate, other.predicate);
        }

        /**
         * This B-tree's keys are the first keys of the other B-tree (same predicate), which has more keys: the other
         * index answers every search this one answers, so a non-unique index like this one is usually redundant.
         */
        public boolean isPrefixOf(Index other) {
            return schema.equals(other.schema) && table.equals(other.table) && method.equals("btree")
                    && other.method.equals("btree") && keys.size() < other.keys.size()
                    && other.keys.subList(0, keys.size()).equals(keys) && Objects.equals(predicate, other.predicate);
        }

        /** One line for feedback: {@code posts_user_idx ON posts (user_id, created_at DESC) WHERE …}. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            s.append(name).append(" ON ").append(table);
            if (!method.equals("btree")) {
                s.append(" USING ").append(method);
            }
            s.append(" (").append(keys.stream().map(Key::render).collect(Collectors.joining(", "))).append(')');
            if (!included.isEmpty()) {
                s.append(" INCLUDE (").append(String.join(", ", included)).append(')');
            }
            if (predicate != null) {
                s.append(" WHERE ").append(predicate);
            }
            if (primary) {
                s.append(" [primary key]");
            } else if (constraint != null) {
                s.append(" [unique constraint ").append(constraint).append(']');
            } else if (unique) {
                s.append(" [unique]");
            }
            return s.toString();
        }
    }

    /** The index with this name in the list, if any. */
    public static Optional<Index> named(List<Index> indexes, String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
