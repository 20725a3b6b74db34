package dev.pglabs.course;

import java.util.List;
import java.util.Map;

/**
 * One lab of the course manifest.
 *
 * @param id       two-digit order, "01"
 * @param slug     "sql-basics"; the folder is {@code id-slug}
 * @param grader   the grader class (a JUnit test class annotated with {@code @Grader})
 * @param datasets named lists of scripts under {@code datasets/} that build a check's database;
 *                 "default" for visible checks, other names (e.g. "hidden") for variants
 * @param studentOwnsTables whether the student's role owns the dataset's tables (to create indexes, alter)
 */
public record Lab(String id, String slug, String title, String teaches, String grader,
                  Map<String, List<String>> datasets, boolean studentOwnsTables) {

    public Lab {
        datasets = datasets == null ? Map.of() : Map.copyOf(datasets);
    }

    /** The folder name under labs/ and solutions/: "01-sql-basics". */
    public String folder() {
        return id + "-" + slug;
    }

    /** Whether a user's reference names this lab: "1", "01", "sql-basics" or "01-sql-basics". */
    public boolean matches(String reference) {
        String ref = reference.strip();
        if (ref.endsWith("/")) {
            ref = ref.substring(0, ref.length() - 1);
        }
        if (ref.equals(folder()) || ref.equals(slug) || ref.equals(id)) {
            return true;
        }
        try {
            return Integer.parseInt(ref) == Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
