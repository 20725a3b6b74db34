package dev.pglabs.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded server's lab templates, kept between runs: a stopped copy of a cluster that holds them, and which
 * dataset hash each template was built from.
 *
 * <p>Building templates is most of a cold run (lab 05 generates a million rows). The next run copies the
 * cluster back into its scratch space and starts on it instead of running initdb, so it starts with every
 * template of the earlier runs already built; a template whose dataset changed has another hash and is simply
 * built again. The copy is only ever read: each run works on its own copy, so concurrent runs cannot disturb
 * each other, and a cache that fails to start is thrown away and the run starts fresh.
 *
 * <p>Where: in the {@link CacheFolder}; {@code PGLABS_TEMPLATE_CACHE=off} turns it off.
 */
final class ClusterCache {

    /** Bump when the way templates are built changes (grants, ownership, settings): older caches are ignored. */
    static final String FORMAT = "1";
    static final String SWITCH = "PGLABS_TEMPLATE_CACHE";

    /** Run-time files of a server, not part of its data. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    static final String ORIGINAL_HBA = "pg_hba.conf.initdb";
    private static final String TEMPLATES = "templates.properties";

    private final Path root;

    ClusterCache(Path root) {
        this.root = root;
    }

    static Optional<ClusterCache> fromEnvironment(Map<String, String> environment) {
        if ("off".equalsIgnoreCase(environment.getOrDefault(SWITCH, "").strip())) {
            return Optional.empty();
        }
        return Optional.of(new ClusterCache(CacheFolder.root(environment).resolve("embedded-cluster-f" + FORMAT)));
    }

    private Path snapshot() {
        return root.resolve("snapshot");
    }

    /**
     * Copies the cached cluster into {@code dataDirectory} (which must not exist yet).
     *
     * @return the cached templates by dataset hash; empty when there is no usable cache (nothing copied)
     */
    Map<String, String> restore(Path dataDirectory) {
        Path snapshot = snapshot();
        Path data = snapshot.resolve("data");
        try {
            if (!Files.isRegularFile(data.resolve("PG_VERSION")) || !Files.isRegularFile(snapshot.resolve(TEMPLATES))) {
                return Map.of();
            }
            Map<String, String> templates = readTemplates(snapshot.resolve(TEMPLATES));
            if (templates.isEmpty()) {
                return Map.of();
            }
            copyTree(data, dataDirectory);
            return templates;
        } catch (IOException | UncheckedIOException e) {
            // Another run replaced the cache while we copied, or the disk is full: start fresh instead.
            ScratchFolders.deleteTree(dataDirectory);
            return Map.of();
        }
    }

    /**
     * Keeps the stopped cluster in {@code dataDirectory} as the new cache. The server that ran on it set
     * passwords; the copy gets initdb's own authentication file back, which the next start needs.
     */
    void save(Path dataDirectory, Map<String, String> templates) {
        Path fresh = root.resolve("tmp-" + UUID.randomUUID());
        Path old = root.resolve("old-" + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            copyTree(dataDirectory, fresh.resolve("data"));
            Path original = fresh.resolve("data").resolve(ORIGINAL_HBA);
            if (Files.exists(original)) {
                Files.move(original, fresh.resolve("data").resolve("pg_hba.conf"), StandardCopyOption.REPLACE_EXISTING);
            }
            writeTemplates(fresh.resolve(TEMPLATES), templates);
            // Two renames, each atomic: a run restoring meanwhile copies either cache or fails and starts fresh.
            if (Files.exists(snapshot())) {
                Files.move(snapshot(), old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, snapshot(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("pglabs: could not keep the lab templates for the next run (" + e.getMessage()
                    + "); the next run builds them again.");
        } finally {
            ScratchFolders.deleteTree(fresh);
            ScratchFolders.deleteTree(old);
        }
    }

    /** A cache the server could not start on. */
    void discard() {
        ScratchFolders.deleteTree(snapshot());
    }

    private static Map<String, String> readTemplates(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> templates = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> templates.put(key, properties.getProperty(key)));
        return templates;
    }

    private static void writeTemplates(Path file, Map<String, String> templates) throws IOException {
        Properties properties = new Properties();
        properties.putAll(templates);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "pglabs lab templates in this cluster: dataset hash = database name");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() == 1 && SKIPPED.contains(relative.toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    copyPermissions(source, target);  // PostgreSQL refuses a data directory others can read
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void copyPermissions(Path source, Path target) throws IOException {
        try {
            Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
        } catch (UnsupportedOperationException e) {
            // Windows: no POSIX permissions to carry over.
        }
    }
}
