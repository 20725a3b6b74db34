package dev.pglabs.grading;

import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Locale;

/**
 * Which checks a run grades. A student's own {@code pglabs grade} runs the visible checks only (the hidden ones are
 * for the instructor, and a student release does not even contain them); instructor grading runs all.
 */
public enum CheckScope {
    VISIBLE,
    ALL;

    /** The JUnit configuration parameter that carries the scope: {@code visible} or {@code all}. */
    public static final String KEY = "pglabs.checks";

    public boolean includes(Visibility visibility) {
        return this == ALL || visibility == Visibility.VISIBLE;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckScope parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "visible" -> VISIBLE;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException(KEY + " must be 'visible' or 'all', not '" + text + "'");
        };
    }

    /** The scope of a check's run ({@link LabRun#scope()}). */
    static CheckScope of(ExtensionContext context) {
        return LabRun.of(context).scope();
    }
}
