package dev.pglabs.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** The harness's throwaway folders: data directories, certificates, compiled classes, cache copies. */
public final class ScratchFolders {

    /**
     * Folders made by {@link #create} and not deleted yet. A JVM ended by a signal (Ctrl-C in {@code watch}, a CI job
     * cancelled mid-grading) skips every {@code finally}, so one shutdown hook deletes what is left of them.
     */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ScratchFolders() {
    }

    /** A new folder in the temporary folder, deleted by {@link #deleteTree} or, at the latest, when the JVM ends. */
    public static Path create(String prefix) throws IOException {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(ScratchFolders::deleteTree),
                        "pglabs-scratch-folders"));
            } catch (IllegalStateException e) {
                // Already shutting down: the folder is made for a grading that is about to end anyway.
            }
        }
        Path dir = Files.createTempDirectory(prefix);
        LIVE.add(dir);
        return dir;
    }

    /** Copies every file under {@code from} into {@code to}, replacing what is there; links are copied as links. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /** Removes a folder and everything in it, quietly: a leftover in scratch space is not worth failing over. */
    public static void deleteTree(Path dir) {
        LIVE.remove(dir);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // See above.
        }
    }
}
