package dev.pglabs.comparison;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Value equality for result comparison: NULL equals NULL, numbers compare by value whatever
 * their Java type, timestamps with time zone by instant. {@link #key} gives a hashable form so
 * rows can be counted in a hash map.
 *
 * <p>Numbers follow one rule. Integers and numeric values whose digits are all meaningful (12.50, the result of
 * round(x, 2), a numeric(10,2) column) compare exactly by value: 12.5 = 12.50, but 1455.0125 is not 1455.01, so an
 * answer that forgets to round fails. Floating values (float4, float8) and numeric values PostgreSQL had to cut off
 * ({@link #isCutNumeric}: the result of a division, avg, sqrt, ...) compare with a small relative tolerance, so two
 * mathematically equal expressions whose last digits differ (3*a/(b-3*c) against a/((b-3*c)/3)) are equal.
 */
final class Values {

    /** Relative tolerance for floating values: absorbs rounding noise, not real differences. */
    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Absolute tolerance near zero, where a relative one is meaningless (0.1 + 0.2 - 0.3). */
    static final double ABSOLUTE_TOLERANCE = 1e-12;

    /** Keys keep 12 significant digits: values equal in the key are always within the tolerance. */
    private static final MathContext KEY_DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final BigDecimal KEY_ZERO_BELOW = new BigDecimal("5e-13");

    /** PostgreSQL's NUMERIC_MIN_SIG_DIGITS: an inexact numeric result carries at least this many digits. */
    static final int CUT_DIGITS = 16;

    private static final Set<String> FLOATING_TYPES = Set.of("float4", "float8", "real", "double precision");

    private Values() {
    }

    static boolean isFloatingType(String pgType) {
        return pgType != null && FLOATING_TYPES.contains(pgType.toLowerCase(Locale.ROOT));
    }

    static boolean isFloatingValue(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    /**
     * PostgreSQL computes an inexact numeric result (division, avg, sqrt, exp, ...) to at least 16 significant
     * digits and cuts it there; a value with that many digits and a fractional part is taken to be such a result,
     * whose last digits depend on how the expression was written. Integers are never cut.
     */
    static boolean isCutNumeric(Object value) {
        return value instanceof BigDecimal d && d.scale() > 0 && d.precision() >= CUT_DIGITS;
    }

    /** Whether this value compares with the tolerance (see the class comment). */
    static boolean isApproximate(Object value) {
        return isFloatingValue(value) || isCutNumeric(value);
    }

    /**
     * A form of the value whose equals/hashCode mean "same result value". In a floating column, and for a cut
     * numeric value, numbers are rounded to 12 significant digits (an exact value keeps all of its digits); values
     * close to a rounding boundary can still land in different keys, which is why {@link #equal} also checks the
     * tolerance directly.
     */
    static Object key(Object value, boolean floatingColumn) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return numberKey((Number) value, floatingColumn || isApproximate(value));
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant();
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toLocalDateTime();
        }
        if (value instanceof Date) {
            return ((Date) value).toLocalDate();
        }
        if (value instanceof byte[]) {
            return ByteBuffer.wrap(((byte[]) value).clone());
        }
        if (value instanceof Character) {
            return value.toString();
        }
        return value;
    }

    static boolean equal(Object a, Object b, boolean floatingColumn) {
        if (Objects.equals(key(a, floatingColumn), key(b, floatingColumn))) {
            return true;
        }
        boolean floating = floatingColumn || isApproximate(a) || isApproximate(b);
        return floating && a instanceof Number && b instanceof Number
                && close(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.compare(a, b) == 0;
        }
        double diff = Math.abs(a - b);
        return diff <= ABSOLUTE_TOLERANCE || diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Object numberKey(Number n, boolean floating) {
        if ((n instanceof Double || n instanceof Float)
                && (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))) {
            return n.doubleValue(); // Double.equals treats NaN as equal to NaN, as PostgreSQL does.
        }
        BigDecimal exact = toBigDecimal(n);
        if (!floating) {
            return exact.stripTrailingZeros(); // 1 = 1.0 = 1.00, and the same hash code.
        }
        if (exact.abs().compareTo(KEY_ZERO_BELOW) < 0) {
            return BigDecimal.ZERO;
        }
        return exact.round(KEY_DIGITS).stripTrailingZeros();
    }

    static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        if (n instanceof Double || n instanceof Float) {
            // valueOf uses the shortest decimal that round-trips: 0.1, not 0.1000000000000000055...
            return n instanceof Float ? new BigDecimal(Float.toString(n.floatValue())) : BigDecimal.valueOf(n.doubleValue());
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(n.doubleValue());
        }
    }
}
