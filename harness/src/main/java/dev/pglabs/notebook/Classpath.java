package dev.pglabs.notebook;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path snippets compile against: {@code java.class.path}, with the jars named by a jar's manifest
 * {@code Class-Path} added explicitly, because pglabs runs as {@code java -jar pglabs.jar} (its libraries are
 * listed in the manifest) and Surefire runs tests from a manifest-only jar.
 */
final class Classpath {

    private Classpath() {
    }

    static String forCompiler() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries, 0);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void add(Path path, Set<String> entries, int depth) {
        if (!entries.add(path.toString()) || depth > 2 || !path.toString().endsWith(".jar") || !Files.isRegularFile(path)) {
            return;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            URI base = path.getParent().toUri();
            for (String item : classPath.trim().split("\\s+")) {
                try {
                    add(Path.of(base.resolve(item)).normalize(), entries, depth + 1);
                } catch (RuntimeException e) {
                    // Not a usable path; javac would skip it too.
                }
            }
        } catch (IOException e) {
            // Unreadable jar: leave it as it is.
        }
    }
}
