package dev.pglabs.worker;

import dev.pglabs.provisioning.ScratchFolders;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The worker's classpath: the libraries the grader runs with, and of pglabs' own classes only the harness and the
 * graders' {@code sandboxed} packages. Everything else of the graders (reference answers, hidden checks, golden
 * submissions among the test resources) stays out of the student's reach. Built once per grading process.
 */
final class WorkerClasspath {

    private static WorkerClasspath current;

    private final List<Path> entries;
    private final Path filtered;

    private WorkerClasspath(List<Path> entries, Path filtered) {
        this.entries = List.copyOf(entries);
        this.filtered = filtered;
    }

    /** This process's worker classpath (built on first use, deleted when the process ends). */
    static synchronized WorkerClasspath get(ClassLoader graderLoader) {
        if (current == null) {
            current = build(graderLoader);
        }
        return current;
    }

    List<Path> entries() {
        return entries;
    }

    String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** Whether a class file of pglabs may be seen by student code. */
    static boolean admitted(String entryName) {
        if (!entryName.endsWith(".class") || !entryName.startsWith("dev/pglabs/")) {
            return false;
        }
        return !entryName.startsWith("dev/pglabs/graders/") || entryName.contains("/sandboxed/");
    }

    private static WorkerClasspath build(ClassLoader graderLoader) {
        Path filtered;
        try {
            filtered = Files.createTempDirectory("pglabs-worker-classes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ScratchFolders.deleteTree(filtered)));
        List<Path> result = new ArrayList<>();
        result.add(filtered);
        for (Path entry : expanded(graderLoader)) {
            try {
                if (Files.isDirectory(entry)) {
                    if (Files.isDirectory(entry.resolve("dev/pglabs"))) {
                        copyAdmitted(entry, filtered);
                    } else {
                        result.add(entry);
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        if (jar.getEntry("dev/pglabs/") != null || jar.stream().anyMatch(e -> e.getName()
                                .startsWith("dev/pglabs/"))) {
                            extractAdmitted(jar, filtered);
                        } else {
                            result.add(entry);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare the worker's classpath from " + entry, e);
            }
        }
        return new WorkerClasspath(result, filtered);
    }

    private static void copyAdmitted(Path root, Path into) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (admitted(name)) {
                    Path target = into.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void extractAdmitted(JarFile jar, Path into) throws IOException {
        Enumeration<? extends ZipEntry> all = jar.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (!entry.isDirectory() && admitted(entry.getName())) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * The grader's classpath as files: {@code java.class.path}, the jars a launcher jar's manifest lists (the CLI's
     * and Surefire's), and the URLs of URL class loaders above the grader's.
     */
    private static Set<Path> expanded(ClassLoader graderLoader) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        for (ClassLoader l = graderLoader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        if (url.getProtocol().equals("file")) {
                            add(Path.of(url.toURI()), entries);
                        }
                    } catch (URISyntaxException | IllegalArgumentException ignored) {
                        // Not a plain file: nothing a process could be given.
                    }
                }
            }
        }
        return entries;
    }

    private static void add(Path entry, Set<Path> entries) {
        if (!Files.exists(entry) || !entries.add(entry) || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return;
            }
            for (String item : classPath.trim().split("\\s+")) {
                try {
                    URI uri = entry.toUri().resolve(item);
                    add(Path.of(uri).normalize(), entries);
                } catch (IllegalArgumentException ignored) {
                    // Not a file URL.
                }
            }
        } catch (IOException ignored) {
            // Not a jar: keep it as it is.
        }
    }
}
