package dev.pglabs.graders.lab09;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pglabs.grading.Problems;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/** One compared value of an answer: a problem that names it, what it is and what it should be, when they differ. */
final class Same {

    private Same() {
    }

    static Problems value(Problems problems, String what, Object got, Object expected) {
        return problems.addIf(!Objects.equals(got, expected), what + " is " + show(got) + ", expected " + show(expected) + ".");
    }

    /** A time of the answer: ISO-8601 text (with Z or an offset) for the same instant, or null for none. */
    static void instant(Problems problems, String what, JsonNode got, Instant expected) {
        Instant parsed = got.isTextual() ? parse(got.asText()) : null;
        boolean wrong = expected == null ? !(got.isNull() || got.isMissingNode()) : !expected.equals(parsed);
        problems.addIf(wrong, what + " is " + got + ", expected " + (expected == null ? "null"
                : "\"" + expected + "\" (ISO-8601 text in UTC, as Json.mapper() writes an Instant)") + ".");
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notATime) {
                return null;  // reported as a wrong value
            }
        }
    }

    static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
        }
        return String.valueOf(value);
    }

    static String shorten(List<Integer> ids) {
        return ids.size() <= 12 ? ids.toString() : ids.subList(0, 12).toString().replace("]", ", …]");
    }
}
