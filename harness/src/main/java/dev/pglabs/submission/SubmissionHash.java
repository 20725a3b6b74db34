package dev.pglabs.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A SHA-256 fingerprint of the files that were graded: the same hash means the same files, so a result can be
 * matched to the exact work it scored. Covers the graded lab folders only (other labs may change without
 * changing it) and never follows links or opens anything but regular files, so a hostile folder cannot make it
 * read outside the submission or block on a pipe.
 *
 * <p>Algorithm (documented in docs/results-json.md so others can recompute it): the entries of each graded
 * lab folder, named {@code <lab-folder>/<path inside it>} with {@code /} separators, in sorted order; per
 * regular file {@code "F" NUL name NUL size NUL content NUL}, per symbolic link {@code "L" NUL name NUL target
 * NUL}, per other non-directory {@code "O" NUL name NUL}. A file larger than {@link #MAX_CONTENT_BYTES}
 * contributes its size and its first {@link #MAX_CONTENT_BYTES} bytes.
 */
public final class SubmissionHash {

    /** Far above any honest lab folder; a bigger file is hashed by its size and its beginning. */
    public static final long MAX_CONTENT_BYTES = 64L * 1024 * 1024;
    /** Entries beyond this many are not hashed (a folder of a million files is its own problem). */
    static final int MAX_ENTRIES = 100_000;

    private SubmissionHash() {
    }

    /** The hash of the given lab folders of a submission (missing folders contribute nothing). */
    public static String of(Submission submission, Collection<String> labFolders) {
        TreeMap<String, Path> entries = new TreeMap<>();
        for (String folder : labFolders) {
            Path dir = submission.lab(folder).dir();
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                collect(folder, dir, entries);
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var entry : entries.entrySet()) {
                add(digest, entry.getKey(), entry.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void collect(String folder, Path dir, TreeMap<String, Path> entries) {
        try {
            // Links are never followed, not even a lab folder that is itself a link: it is hashed as a link.
            Path start = dir;
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (entries.size() >= MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    List<String> parts = new ArrayList<>();
                    start.relativize(file).forEach(p -> parts.add(p.toString()));
                    String inside = String.join("/", parts);
                    entries.put(inside.isEmpty() ? folder : folder + "/" + inside, file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;  // unreadable: left out, the grader reports it
                }
            });
        } catch (IOException e) {
            // An unreadable folder contributes nothing; the grader reports it on its checks.
        }
    }

    private static void add(MessageDigest digest, String name, Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                field(digest, "L");
                field(digest, name);
                field(digest, Files.readSymbolicLink(file).toString());
            } else if (attrs.isRegularFile()) {
                field(digest, "F");
                field(digest, name);
                field(digest, Long.toString(attrs.size()));
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] buffer = new byte[64 * 1024];
                    long left = MAX_CONTENT_BYTES;
                    int n;
                    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                        digest.update(buffer, 0, n);
                        left -= n;
                    }
                }
                digest.update((byte) 0);
            } else {
                field(digest, "O");
                field(digest, name);
            }
        } catch (IOException e) {
            field(digest, "U");  // unreadable now: still counted, so the hash differs from "absent"
            field(digest, name);
        }
    }

    private static void field(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
