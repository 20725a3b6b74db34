package dev.pglabs.submission;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Finds the folder to grade in what a student handed in: a copy of {@code labs/}, one lab folder, or a clone
 * of the whole student repository with {@code labs/} somewhere inside. Looks a few levels deep, never follows
 * links, and prefers a folder named {@code labs} (a course clone also has {@code solutions/}, shaped the same).
 */
public final class SubmissionLocator {

    /** How deep below the handed-in folder a labs folder is looked for. */
    static final int MAX_DEPTH = 3;
    /** Folders never searched: tool and build output, not student work. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "solutions");
    /** Folders looked at per level, so that a folder of a million sub-folders cannot stall the search. */
    private static final int MAX_FOLDERS_PER_LEVEL = 2_000;

    /**
     * @param root the folder to grade (pass it to {@link Submission})
     * @param note empty when the folder was the obvious one; otherwise what was found, for the instructor
     */
    public record Located(Path root, String note) {
        public boolean found() {
            return note.isEmpty() || note.startsWith("graded ");
        }
    }

    private SubmissionLocator() {
    }

    /** Locates the labs in {@code folder}; {@code labFolders} are the course's lab folder names. */
    public static Located locate(Path folder, Collection<String> labFolders) {
        Path dir = folder.toAbsolutePath().normalize();
        if (holdsLab(dir, labFolders)) {
            return new Located(dir, "");
        }
        if (dir.getFileName() != null && labFolders.contains(dir.getFileName().toString())) {
            return new Located(dir, "");  // one lab handed in on its own
        }
        List<Path> level = List.of(dir);
        for (int depth = 1; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            List<Path> next = new ArrayList<>();
            for (Path parent : level) {
                next.addAll(subfolders(parent));
                if (next.size() > MAX_FOLDERS_PER_LEVEL) {
                    break;
                }
            }
            Path best = null;
            for (Path candidate : next) {
                if (holdsLab(candidate, labFolders)
                        && (best == null || (!isLabs(best) && isLabs(candidate)))) {
                    best = candidate;
                }
            }
            if (best != null) {
                return new Located(best, "graded " + dir.relativize(best).toString().replace('\\', '/') + "/");
            }
            level = next;
        }
        Path labs = dir.resolve("labs");
        if (Files.isDirectory(labs, LinkOption.NOFOLLOW_LINKS)) {
            return new Located(labs, "labs/ holds none of the course's lab folders (such as "
                    + labFolders.stream().findFirst().orElse("01-…") + ")");
        }
        return new Located(dir, "no lab folders found: expected labs/ or folders such as "
                + labFolders.stream().findFirst().orElse("01-…"));
    }

    private static boolean isLabs(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().equals("labs");
    }

    private static boolean holdsLab(Path dir, Collection<String> labFolders) {
        for (String lab : labFolders) {
            if (Files.isDirectory(dir.resolve(lab), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /** Real (not linked), non-hidden sub-folders, sorted by name so the search is deterministic. */
    private static List<Path> subfolders(Path dir) {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && !SKIPPED.contains(name)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(entry);
                    if (folders.size() > MAX_FOLDERS_PER_LEVEL) {
                        break;
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            // Unreadable: nothing to find here.
        }
        folders.sort(null);
        return folders;
    }
}
