package dev.pglabs.results;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a check ended. */
public enum CheckStatus {
    /** The answer is right. */
    PASSED,
    /** The answer was graded and is wrong, incomplete or missing. */
    FAILED,
    /** The answer could not be run: PostgreSQL or the compiler rejected it, or the file is unreadable. */
    ERROR,
    /** The answer ran longer than its time limit and was stopped. */
    TIMEOUT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
