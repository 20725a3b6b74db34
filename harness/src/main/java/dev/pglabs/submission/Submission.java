package dev.pglabs.submission;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A student's work: a folder shaped like {@code labs/} (one sub-folder per lab), or a single lab folder.
 * Everything in it is untrusted.
 */
public record Submission(Path root) {

    public Submission {
        root = root.toAbsolutePath().normalize();
    }

    /** The files of one lab, e.g. {@code lab("01-sql-basics")}. */
    public LabFiles lab(String labFolder) {
        Path nested = root.resolve(labFolder);
        if (Files.isDirectory(nested)) {
            return new LabFiles(labFolder, nested);
        }
        // A submission may also be the lab folder itself (a student hands in one lab).
        if (root.getFileName() != null && root.getFileName().toString().equals(labFolder)) {
            return new LabFiles(labFolder, root);
        }
        return new LabFiles(labFolder, nested);
    }
}
