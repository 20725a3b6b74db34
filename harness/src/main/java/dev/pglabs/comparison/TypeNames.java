package dev.pglabs.comparison;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The column types of two results, as students know them: pgJDBC reports internal names (int4, bpchar, timestamptz),
 * psql and the documentation say integer, character, timestamp with time zone. Also knows which types hold values
 * that can compare equal, so a difference between, say, int4 and numeric is never reported as the problem.
 */
final class TypeNames {

    /** Numbers compare by value whatever their type (see {@link Values}). */
    private static final Set<String> NUMBERS = Set.of("int2", "int4", "int8", "oid", "numeric", "float4", "float8",
            "serial", "bigserial", "smallserial");
    /** Text compares by its characters whatever its type. */
    private static final Set<String> TEXT = Set.of("text", "varchar", "bpchar", "name");

    private static final Map<String, String> READABLE = Map.ofEntries(
            Map.entry("int2", "smallint"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("serial", "integer"), Map.entry("bigserial", "bigint"), Map.entry("smallserial", "smallint"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"), Map.entry("bool", "boolean"),
            Map.entry("bpchar", "char"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timetz", "time with time zone"));

    private TypeNames() {
    }

    /** The name psql shows for a pgJDBC type name: integer for int4, integer[] for _int4. */
    static String readable(String pgType) {
        String type = pgType.toLowerCase(Locale.ROOT);
        if (type.startsWith("_")) {
            return readable(type.substring(1)) + "[]";
        }
        return READABLE.getOrDefault(type, type);
    }

    /** Whether values of these two types can be equal in a comparison (unknown types count as compatible). */
    static boolean compatible(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return true;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return x.equals(y) || NUMBERS.contains(x) && NUMBERS.contains(y) || TEXT.contains(x) && TEXT.contains(y);
    }
}
