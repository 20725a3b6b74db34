package dev.pglabs.comparison;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Turns one JDBC column value into the small set of Java types the comparator understands,
 * chosen by PostgreSQL type name so int4/int8/numeric all become BigDecimal, and so on.
 */
final class JdbcValues {

    private JdbcValues() {
    }

    static Object read(ResultSet rs, int column, String pgType) throws SQLException {
        String type = pgType == null ? "" : pgType.toLowerCase(Locale.ROOT);
        switch (type) {
            case "int2":
            case "int4":
            case "int8":
            case "oid":
            case "numeric":
            // pgJDBC names an integer column whose default is a sequence (serial, identity) by its pseudo-type.
            case "serial":
            case "bigserial":
            case "smallserial":
                return number(rs.getString(column));
            case "float8":
                return doubleOrNull(rs, rs.getDouble(column));
            case "float4": {
                // Via Float.toString: binary transfer would otherwise turn 0.1 into 0.10000000149011612.
                float f = rs.getFloat(column);
                return rs.wasNull() ? null : Double.valueOf(Float.toString(f));
            }
            case "bool":
                return booleanOrNull(rs, rs.getBoolean(column));
            case "date":
                return rs.getObject(column, LocalDate.class);
            case "timestamp":
                return rs.getObject(column, LocalDateTime.class);
            case "timestamptz": {
                // UTC, so the same instant reads the same whatever the session time zone.
                OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
                return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
            }
            default:
                // text, varchar, bpchar, name and everything else (arrays, json, uuid, interval, ...):
                // the text form PostgreSQL prints is what a student sees in psql too.
                return rs.getString(column);
        }
    }

    /** Parsed from text because getBigDecimal fails on numeric 'NaN' and 'Infinity'. */
    private static Object number(String text) {
        if (text == null) {
            return null;
        }
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return new BigDecimal(text);
        }
    }

    private static Object doubleOrNull(ResultSet rs, double value) throws SQLException {
        return rs.wasNull() ? null : Double.valueOf(value);
    }

    private static Object booleanOrNull(ResultSet rs, boolean value) throws SQLException {
        return rs.wasNull() ? null : Boolean.valueOf(value);
    }
}
