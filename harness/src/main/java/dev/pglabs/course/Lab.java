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
 * @param hiddenGrader the class of the lab's hidden checks that have code of their own (see
 *                     docs/instructors.md, "Hidden checks"), or null; absent from a student release
 * @param hiddenFiles  files (paths from the course root) that only hidden checks read; absent from a release
 * @param hiddenChecks in a student release only: how many hidden checks the lab has, counted when the release
 *                     was written (their code and data are not in the release to count them)
 */
public record Lab(String id, String slug, String title, String teaches, String grader,
                  Map<String, List<String>> datasets, boolean studentOwnsTables, String hiddenGrader,
                  List<String> hiddenFiles, HiddenChecks hiddenChecks) {

    /** Datasets whose name starts with this are hidden data: only hidden checks use them. */
    public static final String HIDDEN_DATASET_PREFIX = "hidden";

    /** A count of hidden checks and their points. */
    public record HiddenChecks(int checks, double points) {
        public static final HiddenChecks NONE = new HiddenChecks(0, 0);
    }

    public Lab {
        datasets = datasets == null ? Map.of() : Map.copyOf(datasets);
        hiddenGrader = hiddenGrader == null || hiddenGrader.isBlank() ? null : hiddenGrader;
        hiddenFiles = hiddenFiles == null ? List.of() : List.copyOf(hiddenFiles);
    }

    public Lab(String id, String slug, String title, String teaches, String grader,
               Map<String, List<String>> datasets, boolean studentOwnsTables) {
        this(id, slug, title, teaches, grader, datasets, studentOwnsTables, null, List.of(), null);
    }

    public static boolean isHiddenDataset(String name) {
        return name.startsWith(HIDDEN_DATASET_PREFIX);
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
