package dev.pglabs.graders.lab07;

import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.sql.SqlScript;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SubmissionProblem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of migrations that Flyway reads: the student's {@code db/migration}, or one the grader writes itself.
 *
 * <p>The student's files are untrusted, so Flyway never reads the submission: each {@code .sql} file is read the
 * way every lab file is read ({@link LabFiles#text}: size cap, no links out of the submission, valid UTF-8) and
 * written to a private temporary folder, which is what Flyway gets. The grader makes edited copies of that folder
 * (an applied migration changed, a repeatable migration touched) without ever writing to the submission.
 * Messages name the files as the student knows them ({@link #shown}).
 */
final class MigrationFolder implements AutoCloseable {

    /** Where the lab keeps its migrations, relative to the lab folder. */
    static final String FOLDER = "db/migration";
    /** Far more than the lab needs; keeps a runaway folder from slowing the grader down. */
    static final int MAX_FILES = 100;

    /** Flyway's default naming: V&lt;version&gt;__&lt;description&gt;.sql and R__&lt;description&gt;.sql. */
    static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

    private final Path dir;
    private final String shownAs;
    private final Map<String, String> files;

    private MigrationFolder(Path dir, String shownAs, Map<String, String> files) {
        this.dir = dir;
        this.shownAs = shownAs;
        this.files = Collections.unmodifiableMap(files);
    }

    /** Copies the student's {@code db/migration/*.sql} into a private folder. */
    static MigrationFolder of(LabFiles lab, String labFolder) {
        String shown = labFolder + "/" + FOLDER;
        Path source = lab.dir().resolve(FOLDER);
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " is missing. Your migrations live in that "
                    + "folder (the starter has V1__create_blog.sql there); put it back with your files in it.");
        }
        List<String> names;
        try (Stream<Path> list = Files.list(source)) {
            names = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SubmissionProblem(CheckStatus.ERROR, shown + " could not be read: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " holds no .sql files: your migrations are "
                    + "missing. The starter has V1__create_blog.sql and one file for each task there.");
        }
        if (names.size() > MAX_FILES) {
            throw new SubmissionProblem(CheckStatus.ERROR, shown + " holds " + names.size() + " .sql files; this "
                    + "lab needs about five (at most " + MAX_FILES + "). Keep only your migrations there.");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : names) {
            Path file = source.resolve(name);
            if (Files.isDirectory(file)) {
                continue;
            }
            texts.put(name, lab.text(FOLDER + "/" + name));
        }
        return write(shown, texts);
    }

    /** A folder the grader writes itself (its own test migrations), shown under the given name. */
    static MigrationFolder of(String shownAs, Map<String, String> files) {
        return write(shownAs, new LinkedHashMap<>(files));
    }

    private static MigrationFolder write(String shownAs, Map<String, String> files) {
        try {
            Path dir = ScratchFolders.create("pglabs-migrations-");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return new MigrationFolder(dir, shownAs, files);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the migrations to a temporary folder", e);
        }
    }

    /** A copy of this folder with one file's text changed (or added), for "what if this file changed" tests. */
    MigrationFolder with(String file, String text) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        copy.put(file, text);
        return write(shownAs, copy);
    }

    /** A copy with one file's text changed by a function of its old text. */
    MigrationFolder edited(String file, UnaryOperator<String> edit) {
        return with(file, edit.apply(files.getOrDefault(file, "")));
    }

    /** The folder Flyway reads. */
    Path path() {
        return dir;
    }

    /** Flyway's location for it. */
    String location() {
        return "filesystem:" + dir.toAbsolutePath();
    }

    /** How the student knows the folder: "07-migrations-flyway/db/migration". */
    String shownAs() {
        return shownAs;
    }

    /** The file names, sorted. */
    List<String> names() {
        return List.copyOf(files.keySet());
    }

    String text(String file) {
        return files.get(file);
    }

    /** Versions of the versioned migrations, as Flyway reads them ("2", "2.1"), in file order. */
    List<String> versions() {
        List<String> versions = new ArrayList<>();
        for (String name : files.keySet()) {
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                versions.add(m.group(1).replace('_', '.').replaceFirst("^0+(?=\\d)", ""));
            }
        }
        return versions;
    }

    /** The file of a versioned migration, if there is one. */
    Optional<String> fileOfVersion(String version) {
        return files.keySet().stream().filter(n -> {
            Matcher m = VERSIONED.matcher(n);
            return m.matches() && m.group(1).replace('_', '.').replaceFirst("^0+(?=\\d)", "").equals(version);
        }).findFirst();
    }

    List<String> repeatables() {
        return files.keySet().stream().filter(n -> REPEATABLE.matcher(n).matches()).toList();
    }

    /** The migrations that hold no SQL yet, only comments (a starter's TODO). */
    List<String> withoutSql() {
        return files.entrySet().stream().filter(f -> SqlScript.withoutComments(f.getValue()).isBlank())
                .map(Map.Entry::getKey).toList();
    }

    /** .sql files that Flyway's naming rules make it skip without a word, each with what is wrong with it. */
    List<String> misnamed() {
        List<String> problems = new ArrayList<>();
        for (String name : files.keySet()) {
            if (VERSIONED.matcher(name).matches() || REPEATABLE.matcher(name).matches()) {
                continue;
            }
            problems.add(name + ": " + namingAdvice(name));
        }
        return problems;
    }

    private static String namingAdvice(String name) {
        if (name.matches("(?i)[vr]\\d*_[^_].*") || name.matches("(?i)v\\d+_[^_].*")) {
            return "one underscore; Flyway needs TWO between the version and the description, e.g. "
                    + "V2__add_post_status.sql (or R__post_listing_view.sql)";
        }
        if (name.matches("[vr]\\d*__.*")) {
            return "starts with a lower-case letter; the prefix is a capital V (or R)";
        }
        if (!name.endsWith(".sql")) {
            return "ends in " + name.substring(name.lastIndexOf('.')) + "; Flyway reads files ending in .sql";
        }
        return "not a Flyway name; a versioned migration is V<version>__<description>.sql (V2__add_post_status.sql), "
                + "a repeatable one R__<description>.sql";
    }

    /** Replaces this folder's private path in a message with the name the student knows. */
    String shown(String text) {
        if (text == null) {
            return "";
        }
        String absolute = dir.toAbsolutePath().toString();
        return text.replace(absolute + File.separator, shownAs + "/").replace(absolute, shownAs);
    }

    @Override
    public void close() {
        ScratchFolders.deleteTree(dir);
    }
}
