package dev.pglabs.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Visible checks are the ones students run themselves; hidden ones run only when instructors grade. */
public enum Visibility {
    VISIBLE,
    HIDDEN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
