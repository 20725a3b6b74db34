package dev.pglabs.orm;

import java.util.LinkedHashSet;
import java.util.Set;

/** Ebean's exceptions in a few lines a student can act on: each distinct message of the cause chain, once. */
public final class EbeanErrors {

    private static final int MAX_CAUSES = 5;
    private static final int MAX_CHARS = 600;

    private EbeanErrors() {
    }

    public static String describe(Throwable thrown) {
        Set<String> lines = new LinkedHashSet<>();
        Throwable t = thrown;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            String full = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            String message = full.length() > MAX_CHARS ? full.substring(0, MAX_CHARS) + " …" : full;
            if (lines.stream().noneMatch(l -> l.contains(message))) {
                lines.add(message);
            }
        }
        return "  " + String.join("\n  caused by: ", lines);
    }
}
