package dev.pglabs.classroom;

import java.nio.file.Path;

/**
 * One student of a class run: a sub-folder of the submissions folder.
 *
 * @param name   the sub-folder's name, as handed in (untrusted: escape it wherever it is shown)
 * @param folder the sub-folder itself
 * @param labs   the folder that is graded (see {@link dev.pglabs.submission.SubmissionLocator})
 * @param note   empty, or what the instructor should know about where the labs were found
 */
public record Student(String name, Path folder, Path labs, String note) {
}
