package dev.pglabs.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Whether a submitted lab folder is the course's starter, untouched: then the student has not started the lab.
 * Build output ({@code target/}), dot files and the lab's README are ignored; links are not followed.
 */
final class StarterFiles {

    /** Far above a lab's starter; a bigger folder is not an untouched starter. */
    private static final int MAX_FILES = 500;

    private StarterFiles() {
    }

    /**
     * True when {@code submitted} does not exist, or holds exactly the files of {@code starter} with the same bytes.
     * False when both are the same folder (a student grading their own labs/: nothing to compare with) or when
     * anything cannot be read.
     */
    static boolean untouched(Path starter, Path submitted) {
        if (!Files.isDirectory(submitted, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            if (!Files.isDirectory(starter) || Files.isSameFile(starter, submitted)) {
                return false;
            }
            Map<String, Path> mine = files(submitted);
            Map<String, Path> theirs = files(starter);
            if (mine == null || theirs == null || !mine.keySet().equals(theirs.keySet())) {
                return false;
            }
            for (Map.Entry<String, Path> e : mine.entrySet()) {
                Path other = theirs.get(e.getKey());
                if (Files.size(e.getValue()) != Files.size(other)
                        || !Arrays.equals(Files.readAllBytes(e.getValue()), Files.readAllBytes(other))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return false;
        }
    }

    /** Regular files by relative path (with '/'), or null when there are too many to be a starter. */
    private static Map<String, Path> files(Path root) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = root.relativize(p);
                if (rel.toString().isEmpty() || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || ignored(rel)) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    return null;
                }
                files.put(rel.toString().replace('\\', '/'), p);
            }
        }
        return files;
    }

    private static boolean ignored(Path rel) {
        if (rel.getNameCount() == 1 && rel.toString().equalsIgnoreCase("README.md")) {
            return true;
        }
        for (Path part : rel) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("target")) {
                return true;
            }
        }
        return false;
    }
}
