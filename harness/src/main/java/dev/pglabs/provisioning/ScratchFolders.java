package dev.pglabs.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The harness's throwaway folders: data directories, certificates, compiled classes, cache copies. */
public final class ScratchFolders {

    private ScratchFolders() {
    }

    /** Removes a folder and everything in it, quietly: a leftover in scratch space is not worth failing over. */
    public static void deleteTree(Path dir) {
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
