package dev.pglabs.graders.lab08;

import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.submission.LabFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The student's generated migrations (src/main/resources/dbmigration), listed and copied for the worker. */
final class MigrationFolder {

    static final String PATH = "src/main/resources/dbmigration";

    private MigrationFolder() {
    }

    /** File names in the folder (or its subfolder) that end with {@code suffix}, sorted. */
    static List<String> names(LabFiles files, String sub, String suffix) {
        Path dir = files.dir().resolve(sub.isEmpty() ? PATH : PATH + "/" + sub);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Some of the student's files, read safely (LabFiles), in a folder of the grader's own. */
    static Path copy(LabFiles files, String sub, List<String> names) {
        try {
            Path copy = ScratchFolders.create("pglabs-08-migrations-");
            for (String name : names) {
                Files.writeString(copy.resolve(name), files.text(PATH + "/" + (sub.isEmpty() ? "" : sub + "/") + name));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SQL of a migration as a comparison sees it: comment lines and blank lines out, spaces collapsed. */
    static String statements(String sql) {
        return sql.lines().map(String::strip).filter(Predicate.not(String::isEmpty))
                .filter(l -> !l.startsWith("--")).map(l -> l.replaceAll("\\s+", " "))
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
