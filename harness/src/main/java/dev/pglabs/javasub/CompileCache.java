package dev.pglabs.javasub;

import dev.pglabs.provisioning.ScratchFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The last successful compilation of each source folder, kept by a session that grades the same submission again
 * after each save ({@code pglabs watch}): when no file under the sources changed, the next grading gets a copy of
 * those class files (already checked against the {@link CodePolicy} and enhanced) instead of javac and the enhancer
 * again. Each grading gets its own copy and its own class loader, so nothing of one grading's classes (statics)
 * reaches the next. A failed compilation is not kept: the student's next save changes the sources anyway.
 */
public final class CompileCache implements AutoCloseable {

    /** Everything besides the sources that decides what a compilation gives. */
    record Key(Path root, boolean annotationProcessing, boolean ebean, ClassLoader parent, Object policy) {
    }

    private record Entry(String fingerprint, Path classes) {
    }

    private final Map<Key, Entry> entries = new HashMap<>();
    private boolean closed;

    /** A fresh copy of the classes last compiled under {@code key} from sources with this fingerprint, or null. */
    synchronized Path copyOf(Key key, String fingerprint) {
        Entry entry = entries.get(key);
        if (closed || fingerprint == null || entry == null || !entry.fingerprint().equals(fingerprint)) {
            return null;
        }
        return copy(entry.classes());
    }

    /** Keeps a copy of {@code classes} as what sources with this fingerprint compile to. */
    synchronized void keep(Key key, String fingerprint, Path classes) {
        if (closed || fingerprint == null) {
            return;
        }
        Entry old = entries.put(key, new Entry(fingerprint, copy(classes)));
        if (old != null) {
            ScratchFolders.deleteTree(old.classes());
        }
    }

    /**
     * What the sources under {@code root} are: every file's path and bytes (not only {@code .java}: a changed
     * anything means compile again). Null when they cannot be read: then nothing is reused, and the compilation
     * says what is wrong.
     */
    static String fingerprint(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : walk.sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    digest.update(Files.readAllBytes(file));
                } else if (Files.isSymbolicLink(file)) {
                    digest.update(Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | UncheckedIOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copy(Path classes) {
        try {
            Path to = ScratchFolders.create("pglabs-classes-");
            ScratchFolders.copyTree(classes, to);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy compiled classes", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        entries.values().forEach(e -> ScratchFolders.deleteTree(e.classes()));
        entries.clear();
    }

    static Key key(Path root, boolean annotationProcessing, boolean ebean, ClassLoader parent, CodePolicy policy) {
        return new Key(root, annotationProcessing, ebean, parent, policy.sameness());
    }
}
