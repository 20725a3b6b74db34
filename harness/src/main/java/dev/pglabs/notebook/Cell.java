package dev.pglabs.notebook;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One runnable fenced block of a notebook: {@code ```sql} or {@code ```java}, with markers after the language
 * ({@code sql skip}: not run; {@code sql error}: expected to fail, its output is the error).
 *
 * @param number    1-based position among the notebook's cells
 * @param language  the language of the fence
 * @param markers   the words after the language, lower case
 * @param source    the code between the fences (indentation of the fence removed), ending with a newline
 * @param fenceLine README line of the opening fence
 * @param codeLine  README line of the first code line (fenceLine + 1)
 * @param start     offset of the opening fence line in the README text
 * @param end       offset just after the closing fence line (its line break included)
 * @param output    the recorded output block that follows the cell, if any
 */
public record Cell(int number, Language language, Set<String> markers, String source, int fenceLine, int codeLine,
                   int start, int end, Optional<RecordedOutput> output) {

    public enum Language {
        SQL, JAVA;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String SKIP = "skip";
    public static final String ERROR = "error";

    public Cell {
        markers = Set.copyOf(markers);
    }

    public boolean skipped() {
        return markers.contains(SKIP);
    }

    public boolean expectsError() {
        return markers.contains(ERROR);
    }

    /** "sql", "sql error", "java skip": how the cell is announced to the reader. */
    public String kind() {
        StringBuilder sb = new StringBuilder(language.label());
        markers.stream().sorted().forEach(m -> sb.append(' ').append(m));
        return sb.toString();
    }

    /** The same cell without its {@code skip} marker, for a reader who runs a skipped cell anyway. */
    public Cell withoutSkip() {
        Set<String> rest = new HashSet<>(markers);
        rest.remove(SKIP);
        return new Cell(number, language, rest, source, fenceLine, codeLine, start, end, output);
    }

    public Cell withSource(String newSource) {
        return new Cell(number, language, markers, newSource, fenceLine, codeLine, start, end, output);
    }
}
