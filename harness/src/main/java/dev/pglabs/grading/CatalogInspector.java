package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what a student's DDL created from the system catalog (pg_catalog) of a check database: tables,
 * columns with their types, nullability and defaults, primary keys, unique constraints and unique indexes,
 * foreign keys with their ON DELETE / ON UPDATE actions, and CHECK constraints.
 *
 * <p>It only reads catalog tables, through its own administrative connection whose search_path is pinned to
 * pg_catalog, so nothing the student created (functions, operators, views, triggers) runs with the grader's
 * rights. To see how the tables <em>behave</em>, use {@link ConstraintProbe}, which runs as the student.
 * Each call reads the catalog afresh, so an inspector can be kept across a check.
 */
public final class CatalogInspector {

    /** What kind of relation a name stands for, as psql's \d says it. */
    public enum RelationKind {
        TABLE, PARTITIONED_TABLE, VIEW, MATERIALIZED_VIEW, FOREIGN_TABLE, SEQUENCE, INDEX, OTHER;

        static RelationKind of(String relkind) {
            return switch (relkind) {
                case "r" -> TABLE;
                case "p" -> PARTITIONED_TABLE;
                case "v" -> VIEW;
                case "m" -> MATERIALIZED_VIEW;
                case "f" -> FOREIGN_TABLE;
                case "S" -> SEQUENCE;
                case "i", "I" -> INDEX;
                default -> OTHER;
            };
        }

        /** In words, for feedback: "a view". */
        public String inWords() {
            return switch (this) {
                case TABLE -> "a table";
                case PARTITIONED_TABLE -> "a partitioned table";
                case VIEW -> "a view";
                case MATERIALIZED_VIEW -> "a materialized view";
                case FOREIGN_TABLE -> "a foreign table";
                case SEQUENCE -> "a sequence";
                case INDEX -> "an index";
                case OTHER -> "another kind of object";
            };
        }

        public boolean isTable() {
            return this == TABLE || this == PARTITIONED_TABLE;
        }
    }

    /**
     * One column.
     *
     * @param name      the column name
     * @param position  its position in the table (1-based, dropped columns counted as PostgreSQL counts them)
     * @param type      the declared type as PostgreSQL prints it: {@code character varying(50)}, {@code integer},
     *                  {@code timestamp with time zone}, or a domain's name
     * @param baseType  the internal name of the underlying type, domains resolved: {@code varchar}, {@code int4},
     *                  {@code int8}, {@code text}, {@code timestamptz}, {@code timestamp}, {@code date}, {@code bool}
     * @param maxLength the length limit of varchar(n) / char(n), or -1 when there is none
     * @param notNull   NOT NULL (on the column, or on its domain)
     * @param defaultExpression the DEFAULT as PostgreSQL prints it ({@code now()}, {@code 'draft'::text},
     *                  {@code nextval('users_id_seq'::regclass)}), or null when there is none
     * @param identity  "ALWAYS" or "BY DEFAULT" for an identity column, or null
     * @param generatedExpression the expression of a GENERATED ALWAYS AS (…) STORED column, or null
     * @param domainBase for a column whose type is a domain, the domain's base type as PostgreSQL prints it; else null
     */
    public record Column(String name, int position, String type, String baseType, int maxLength, boolean notNull,
                         String defaultExpression, String identity, String generatedExpression, String domainBase) {

        public boolean isIdentity() {
            return identity != null;
        }

        /** Filled from a sequence: an identity column, or serial/bigserial (a nextval(...) default). */
        public boolean isGeneratedFromSequence() {
            return isIdentity() || (defaultExpression != null
                    && defaultExpression.toLowerCase(Locale.ROOT).startsWith("nextval("));
        }

        public boolean hasDefault() {
            return defaultExpression != null || isIdentity();
        }

        /** text, varchar or varchar(n) (not char(n), which pads with spaces). */
        public boolean isText() {
            return baseType.equals("text") || baseType.equals("varchar");
        }

        /** integer or bigint. */
        public boolean isIntegerOrBigint() {
            return baseType.equals("int4") || baseType.equals("int8");
        }

        public boolean isTimestampWithTimeZone() {
            return baseType.equals("timestamptz");
        }

        /**
         * The type for people: "integer", "character varying(50)", "timestamp without time zone", plus
         * ", identity" or ", serial" when a sequence fills it; a domain shows its base type in parentheses.
         */
        public String describeType() {
            String shown = domainBase == null ? type : type + " (" + domainBase + ")";
            if (isIdentity()) {
                return shown + ", identity";
            }
            if (isGeneratedFromSequence()) {
                return shown + ", serial";
            }
            return shown;
        }
    }

    /**
     * A primary key, UNIQUE constraint or unique index.
     *
     * @param name       the constraint's or index's name
     * @param columns    its columns in order
     * @param constraint true for a PRIMARY KEY / UNIQUE constraint, false for a CREATE UNIQUE INDEX
     * @param definition as PostgreSQL prints it ({@code UNIQUE (username)}, or the CREATE UNIQUE INDEX …)
     */
    public record Key(String name, List<String> columns, boolean constraint, String definition) {

        /** Whether it covers exactly these columns, in any order. */
        public boolean covers(String... columnNames) {
            return columns.size() == columnNames.length
                    && new HashSet<>(columns).equals(new HashSet<>(Arrays.asList(columnNames)));
        }
    }

    /**
     * A foreign key.
     *
     * @param onDelete "NO ACTION" (the default), "RESTRICT", "CASCADE", "SET NULL" or "SET DEFAULT"
     * @param onUpdate the same for ON UPDATE
     */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             String onDelete, String onUpdate, String definition) {
    }

    /** A CHECK constraint with the columns it mentions and its definition ({@code CHECK ((views >= 0))}). */
    public record CheckConstraint(String name, List<String> columns, String definition) {
    }

    private final CheckDatabase database;
    private final String schema;
    private Connection connection;

    /** Inspects the {@code public} schema of the check's database. */
    public CatalogInspector(CheckDatabase database) {
        this(database, "public");
    }

    public CatalogInspector(CheckDatabase database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /** The kind of the relation with exactly this name, if there is one. */
    public Optional<RelationKind> relation(String name) {
        List<String> kinds = strings("SELECT c.relkind::text FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?", schema, name);
        return kinds.stream().findFirst().map(RelationKind::of);
    }

    /** Whether a table (plain or partitioned) of exactly this name exists. */
    public boolean hasTable(String table) {
        return relation(table).map(RelationKind::isTable).orElse(false);
    }

    /** The names of all tables of the schema, sorted. */
    public List<String> tables() {
        return strings("SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY 1", schema);
    }

    /**
     * For feedback when {@code table} is not found: says what there is instead, e.g. a table named
     * {@code "Users"} (created with double quotes) or a view of that name.
     */
    public String explainMissing(String table) {
        Optional<RelationKind> kind = relation(table);
        if (kind.isPresent()) {
            return table + " is " + kind.get().inWords() + ", not a table.";
        }
        List<String> tables = tables();
        List<String> quoted = tables.stream().filter(t -> t.equalsIgnoreCase(table)).toList();
        List<String> similar = tables.stream()
                .filter(t -> t.replace("_", "").equalsIgnoreCase(table.replace("_", ""))
                        || (t + "s").equalsIgnoreCase(table) || t.equalsIgnoreCase(table + "s"))
                .toList();
        StringBuilder sb = new StringBuilder("There is no table named " + table + ".");
        if (!quoted.isEmpty()) {
            sb.append(" There is a table named \"").append(quoted.get(0)).append("\": names in double quotes keep ")
                    .append("their upper-case letters, so it is a different name. Write the name without quotes, ")
                    .append("in lower case.");
        } else if (!similar.isEmpty()) {
            sb.append(" There is a table named ").append(similar.get(0)).append(": check the spelling.");
        } else if (tables.isEmpty()) {
            sb.append(" The database has no tables at all.");
        } else {
            sb.append(" Tables found: ").append(String.join(", ", tables)).append('.');
        }
        return sb.toString();
    }

    /** The columns of a table in their order; empty when there is no such table. */
    public List<Column> columns(String table) {
        String sql = """
                SELECT a.attname::text, a.attnum,
                       format_type(a.atttypid, a.atttypmod),
                       (CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END)::text,
                       CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
                       a.attnotnull OR (t.typtype = 'd' AND t.typnotnull),
                       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                       CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END,
                       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
                       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END
                FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attnum""";
        return query(sql, rs -> {
            String base = rs.getString(4);
            int typmod = rs.getInt(5);
            int maxLength = (base.equals("varchar") || base.equals("bpchar")) && typmod >= 4 ? typmod - 4 : -1;
            return new Column(rs.getString(1), rs.getInt(2), rs.getString(3), base, maxLength, rs.getBoolean(6),
                    rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
        }, schema, table);
    }

    public Optional<Column> column(String table, String column) {
        return columns(table).stream().filter(c -> c.name().equals(column)).findFirst();
    }

    /** The primary key, if the table has one. */
    public Optional<Key> primaryKey(String table) {
        return constraintKeys(table, "p").stream().findFirst();
    }

    /**
     * Every way the table makes values unique, primary key excluded: UNIQUE constraints and plain unique indexes
     * (not partial, no expressions, valid), which behave the same for the rows they cover.
     */
    public List<Key> uniqueKeys(String table) {
        List<Key> keys = new ArrayList<>(constraintKeys(table, "u"));
        String sql = """
                SELECT i.relname::text,
                       ARRAY(SELECT a.attname::text
                             FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                             WHERE k.ord <= x.indnkeyatts ORDER BY k.ord),
                       pg_get_indexdef(x.indexrelid)
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND x.indisunique AND NOT x.indisprimary AND x.indisvalid
                  AND x.indpred IS NULL AND x.indexprs IS NULL
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid
                                  AND con.conrelid = x.indrelid)
                ORDER BY 1""";
        keys.addAll(query(sql, rs -> new Key(rs.getString(1), strings(rs.getArray(2)), false, rs.getString(3)),
                schema, table));
        return keys;
    }

    /** Whether the primary key, a UNIQUE constraint or a plain unique index covers exactly these columns. */
    public boolean isUnique(String table, String... columns) {
        return primaryKey(table).map(k -> k.covers(columns)).orElse(false)
                || uniqueKeys(table).stream().anyMatch(k -> k.covers(columns));
    }

    /** The table's foreign keys (the ones it declares, pointing to other tables), by name. */
    public List<ForeignKey> foreignKeys(String table) {
        String sql = """
                SELECT con.conname::text,
                       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                       rc.relname::text,
                       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
                       con.confdeltype::text, con.confupdtype::text, pg_get_constraintdef(con.oid)
                FROM pg_constraint con
                JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_class rc ON rc.oid = con.confrelid
                WHERE n.nspname = ? AND c.relname = ? AND con.contype = 'f'
                ORDER BY 1""";
        return query(sql, rs -> new ForeignKey(rs.getString(1), strings(rs.getArray(2)), rs.getString(3),
                strings(rs.getArray(4)), action(rs.getString(5)), action(rs.getString(6)), rs.getString(7)),
                schema, table);
    }

    /** The foreign keys of {@code table} on exactly these columns. */
    public List<ForeignKey> foreignKeys(String table, String... columns) {
        Set<String> wanted = new HashSet<>(Arrays.asList(columns));
        return foreignKeys(table).stream().filter(fk -> new HashSet<>(fk.columns()).equals(wanted)).toList();
    }

    /** The table's CHECK constraints (NOT NULL is a column property, see {@link Column#notNull()}). */
    public List<CheckConstraint> checks(String table) {
        String sql = """
                SELECT con.conname::text,
                       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                       pg_get_constraintdef(con.oid)
                FROM pg_constraint con
                JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND con.contype = 'c'
                ORDER BY 1""";
        return query(sql, rs -> new CheckConstraint(rs.getString(1), strings(rs.getArray(2)), rs.getString(3)),
                schema, table);
    }

    /** The CHECK constraints that mention this column. */
    public List<CheckConstraint> checks(String table, String column) {
        return checks(table).stream().filter(c -> c.columns().contains(column)).toList();
    }

    /**
     * A short psql-\d-like summary of the table's keys and constraints, one per line, for feedback:
     * {@code PRIMARY KEY (id)}, {@code UNIQUE (username)},
     * {@code FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE} (names outside pg_catalog come
     * schema-qualified, as the inspector's search_path holds pg_catalog only).
     */
    public String describeConstraints(String table) {
        List<String> lines = new ArrayList<>();
        primaryKey(table).ifPresent(k -> lines.add(k.definition()));
        uniqueKeys(table).forEach(k -> lines.add(k.definition()));
        foreignKeys(table).forEach(fk -> lines.add(fk.definition()));
        checks(table).forEach(c -> lines.add(c.definition()));
        return lines.isEmpty() ? "(none)" : lines.stream().collect(Collectors.joining("\n"));
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    private List<Key> constraintKeys(String table, String contype) {
        String sql = """
                SELECT con.conname::text,
                       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                       pg_get_constraintdef(con.oid)
                FROM pg_constraint con
                JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relname = ? AND con.contype = ?
                ORDER BY 1""";
        return query(sql, rs -> new Key(rs.getString(1), strings(rs.getArray(2)), true, rs.getString(3)),
                schema, table, contype);
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private List<String> strings(String sql, String... parameters) {
        return query(sql, rs -> rs.getString(1), parameters);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(String.valueOf(v));
        }
        return List.copyOf(list);
    }

    private <T> List<T> query(String sql, RowReader<T> reader, String... parameters) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ProvisioningException("The grader could not read the catalog (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = database.openAdmin();  // closed with the check
            try (Statement st = connection.createStatement()) {
                // Only built-in functions and operators, whatever the student created in public.
                st.execute("SET search_path = pg_catalog, pg_temp");
            }
        }
        return connection;
    }
}
