package dev.pglabs.worker;

import dev.pglabs.provisioning.CacheFolder;
import dev.pglabs.provisioning.ScratchFolders;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The worker's classpath: the libraries the grader runs with, and of pglabs' own classes only the harness and the
 * graders' {@code sandboxed} packages. Everything else of the graders (reference answers, hidden checks, golden
 * submissions among the test resources) stays out of the student's reach. Built once per grading process.
 *
 * <p>pglabs' admitted classes go into one jar, named by its content, in the {@link CacheFolder} (a temporary folder
 * when there is none): every entry is then a jar at a path that stays put between runs, which a class-data archive
 * needs ({@link WorkerArchive}).
 */
final class WorkerClasspath {

    /** Bump when the jar's layout changes: folders of another format are left to age out. */
    private static final String FORMAT = "f1";
    private static final String PREFIX = "worker-" + FORMAT + "-";
    private static final String JAR = "pglabs-worker.jar";
    /** A folder of another pglabs build is removed when no run has used it for this long. */
    static final Duration UNUSED = Duration.ofDays(1);
    private static final String USED = "last-used";
    private static final long ENTRY_TIME = 315_532_800_000L;  // 1980-01-01: the jar's bytes depend on its content only

    private static WorkerClasspath current;

    private final List<Path> entries;
    private final WorkerArchive archive;

    private WorkerClasspath(List<Path> entries, WorkerArchive archive) {
        this.entries = List.copyOf(entries);
        this.archive = archive;
    }

    /**
     * This process's worker classpath, built on first use, and again if its jar was removed meanwhile (a
     * {@code pglabs watch} left open for days, whose folder another run pruned).
     */
    static synchronized WorkerClasspath get(ClassLoader graderLoader) {
        if (current == null || !Files.isRegularFile(current.entries.get(0))) {
            current = build(graderLoader, System.getenv());
        } else {
            markUsed(current.entries.get(0).getParent());
        }
        return current;
    }

    List<Path> entries() {
        return entries;
    }

    String asArgument() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** The class-data archive of these entries. */
    WorkerArchive archive() {
        return archive;
    }

    /** Whether a class file of pglabs may be seen by student code. */
    static boolean admitted(String entryName) {
        if (!entryName.endsWith(".class") || !entryName.startsWith("dev/pglabs/")) {
            return false;
        }
        return !entryName.startsWith("dev/pglabs/graders/") || entryName.contains("/sandboxed/");
    }

    static WorkerClasspath build(ClassLoader graderLoader, Map<String, String> environment) {
        Map<String, byte[]> admitted = new TreeMap<>();
        List<Path> libraries = new ArrayList<>();
        for (Path entry : expanded(graderLoader)) {
            try {
                if (Files.isDirectory(entry)) {
                    if (Files.isDirectory(entry.resolve("dev/pglabs"))) {
                        readAdmitted(entry, admitted);
                    } else {
                        libraries.add(entry);
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        if (jar.getEntry("dev/pglabs/") != null || jar.stream().anyMatch(e -> e.getName()
                                .startsWith("dev/pglabs/"))) {
                            readAdmitted(jar, admitted);
                        } else if (jar.stream().anyMatch(e -> !e.isDirectory()
                                && !e.getName().startsWith("META-INF/MANIFEST"))) {
                            // A jar with nothing but a manifest (Surefire's booter, a launcher's) was expanded
                            // into its Class-Path already; at a new path on every run, it would only change the key.
                            libraries.add(entry);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare the worker's classpath from " + entry, e);
            }
        }
        Path folder = folder(key(admitted, libraries), environment);
        Path jar = folder.resolve(JAR);
        try {
            if (!Files.isRegularFile(jar)) {
                writeJar(admitted, jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the worker's classes to " + jar, e);
        }
        List<Path> result = new ArrayList<>();
        result.add(jar);
        result.addAll(libraries);
        return new WorkerClasspath(result, WorkerArchive.of(folder, result, environment));
    }

    /**
     * The folder of this build's worker jar: in the cache, named by the key, and marked as used now (other builds'
     * folders unused for {@link #UNUSED} are removed); a temporary folder, removed at exit, when the cache cannot be
     * written.
     */
    private static Path folder(String key, Map<String, String> environment) {
        Path root = CacheFolder.root(environment);
        Path folder = root.resolve(PREFIX + key);
        try {
            Files.createDirectories(folder);
            markUsed(folder);
            pruneOthers(root, folder);
            return folder;
        } catch (IOException | UncheckedIOException e) {
            try {
                return ScratchFolders.create("pglabs-worker-classes-");
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    /** Each worker start marks its folder used: only folders no run has used for a while are pruned. */
    private static void markUsed(Path folder) {
        try {
            Files.writeString(folder.resolve(USED), Instant.now().toString());
        } catch (IOException e) {
            // A temporary folder, or a cache that went read-only: nothing to mark.
        }
    }

    private static void pruneOthers(Path root, Path mine) throws IOException {
        Instant limit = Instant.now().minus(UNUSED);
        try (Stream<Path> folders = Files.list(root)) {
            for (Path other : folders.filter(f -> f.getFileName().toString().startsWith("worker-")
                    && !f.equals(mine)).toList()) {
                Path used = other.resolve(USED);
                if (!Files.exists(used) || Files.getLastModifiedTime(used).toInstant().isBefore(limit)) {
                    ScratchFolders.deleteTree(other);
                }
            }
        }
    }

    /** What the jar and an archive depend on: pglabs' classes, the libraries as files, the JDK that runs them. */
    private static String key(Map<String, byte[]> admitted, List<Path> libraries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            admitted.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            for (Path library : libraries) {
                digest.update((library + "|" + Files.size(library) + "|" + Files.getLastModifiedTime(library).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            digest.update((Bubblewrap.javaExecutable() + "|" + System.getProperty("java.vm.version"))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Could not name the worker's classes: " + e, e);
        }
    }

    private static void writeJar(Map<String, byte[]> admitted, Path jar) throws IOException {
        Path partial = jar.resolveSibling(JAR + "." + ProcessHandle.current().pid() + ".partial");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
            for (Map.Entry<String, byte[]> entry : admitted.entrySet()) {
                JarEntry file = new JarEntry(entry.getKey());
                file.setTime(ENTRY_TIME);
                out.putNextEntry(file);
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        try {
            // Another run may have written the same jar meanwhile: the first one stays (a link never replaces), so
            // an archive made against it keeps matching.
            Files.createLink(jar, partial);
        } catch (FileAlreadyExistsException written) {
            // Theirs is the same.
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void readAdmitted(Path root, Map<String, byte[]> into) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (admitted(name)) {
                    into.putIfAbsent(name, Files.readAllBytes(file));
                }
            }
        }
    }

    private static void readAdmitted(JarFile jar, Map<String, byte[]> into) throws IOException {
        Enumeration<? extends ZipEntry> all = jar.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (!entry.isDirectory() && admitted(entry.getName()) && !entry.getName().contains("..")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    into.putIfAbsent(entry.getName(), in.readAllBytes());
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
