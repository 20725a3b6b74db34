package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads the student's entities through their getters (the README names them: getTitle(), getAuthor(), …), so the
 * grader sees what an application sees, lazy loading included. Getters are the student's code: call them in the
 * worker, inside the task that made the query. {@link #normal} also serves the grader's own reference rows.
 */
public final class Beans {

    private Beans() {
    }

    /** {@code bean.getX()} for property "x"; a missing getter fails the check with the signature to add. */
    public static Object get(Object bean, String property) {
        if (bean == null) {
            return null;
        }
        String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        Method method;
        try {
            method = bean.getClass().getMethod(getter);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, bean.getClass().getName() + " has no public method "
                    + getter + "(). The grader reads your entities through the getters the README lists; keep "
                    + "the starter's getters.");
        }
        try {
            return method.invoke(bean);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, getter + "() of " + bean.getClass().getName()
                    + " must be public.");
        }
    }

    /** A to-many property as a list (null counts as empty, and is reported by the caller when it matters). */
    public static List<?> list(Object bean, String property) {
        Object value = get(bean, property);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return List.copyOf(c);
        }
        throw new SubmissionProblem(CheckStatus.FAILED, bean.getClass().getSimpleName() + "." + property
                + " should be a List (a to-many relation), but it is a " + value.getClass().getName() + ".");
    }

    /** Values as the grader compares them: whole numbers as long, moments as Instant, dates as text. */
    public static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Instant || value instanceof String || value == null) {
            return value;
        }
        if (value instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }

    /** {@link #normal}, with null shown as "(null)" (rows compare and print alike on both sides). */
    public static Object nullable(Object value) {
        return value == null ? "(null)" : normal(value);
    }
}
