package dev.pglabs.graders.support;

import dev.pglabs.provisioning.ScratchFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Submission folders built by the course tests: copies of solutions with a scenario's files on top. */
public final class Folders {

    private Folders() {
    }

    /**
     * A corpus of the course's tests in the source tree ({@code "golden"}, {@code "hostile"}): read there, not from
     * the build's copy, which keeps files a scenario no longer has.
     */
    public static Path corpus(String name) {
        return CourseGrading.course().home().resolve("graders/src/test/resources").resolve(name);
    }

    /** Copies every file under {@code from} into {@code to}, replacing what is there; links are copied as links. */
    public static void copyTree(Path from, Path to) throws IOException {
        ScratchFolders.copyTree(from, to);
    }

    /** Removes a folder and everything in it (links are removed, never followed). */
    public static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
