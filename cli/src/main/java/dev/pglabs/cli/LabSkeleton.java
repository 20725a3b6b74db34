package dev.pglabs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.course.Course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a new lab, from the templates in {@code new-lab/}: README (notebook cells with their recorded
 * output, a "## Hints" section), one starter with its TODO and its solution, a grader, a dataset with a hidden
 * variant, two golden scenarios and the requirement map they prove, the lab's course.json entry and its row in
 * README.md's table. Together they pass
 * {@code pglabs verify} and {@code pglabs dev check} as written. An SQL lab ({@code new-lab/sql/}) has a .sql
 * exercise and a reference query; a Java lab ({@code new-lab/java/}) has a Maven project whose one method the
 * student completes, called in the worker by a task of the grader's {@code sandboxed} package.
 */
final class LabSkeleton {

    private static final Pattern FOLDER = Pattern.compile("(\\d{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");
    private static final String TEMPLATES = "new-lab/";
    static final String EXERCISE = "01-items-by-price.sql";
    static final String JAVA_EXERCISE = "src/main/java/app/items/ItemQueries.java";
    private static final String REQUIREMENTS = "requirements.json";

    /** What the student writes: .sql files, or methods of Java classes that the grader calls in the worker. */
    enum Kind { SQL, JAVA }

    private final String id;
    private final String slug;
    private final String title;
    private final Kind kind;

    private LabSkeleton(String id, String slug, Kind kind) {
        this.id = id;
        this.slug = slug;
        this.kind = kind;
        String words = slug.replace('-', ' ');
        this.title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The skeleton of SQL lab {@code NN-slug}, or an IllegalArgumentException that says what a folder name is. */
    static LabSkeleton of(String folder) {
        return of(folder, Kind.SQL);
    }

    /** The skeleton of lab {@code NN-slug} of this kind. */
    static LabSkeleton of(String folder, Kind kind) {
        Matcher m = FOLDER.matcher(folder);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + folder + "' is not a lab folder name: two digits, a dash and a "
                    + "lower-case slug, e.g. 12-window-functions");
        }
        return new LabSkeleton(m.group(1), m.group(2), kind);
    }

    String folder() {
        return id + "-" + slug;
    }

    String graderClass() {
        StringBuilder name = new StringBuilder("Lab" + id);
        for (String word : slug.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.append("Grader").toString();
    }

    String graderPackage() {
        return "dev.pglabs.graders.lab" + id;
    }

    /** Writes the lab into the course; refuses, before writing anything, when any of it exists already. */
    List<Path> write(Course course) {
        course.labs().stream().filter(l -> l.id().equals(id)).findFirst().ifPresent(l -> {
            throw new IllegalArgumentException("course.json already has a lab " + id + " (" + l.folder()
                    + "): pick another number");
        });
        Path home = course.home();
        Path graderDir = home.resolve("graders/src/main/java").resolve(graderPackage().replace('.', '/'));
        Map<Path, String> files = kind == Kind.JAVA ? javaFiles(home, graderDir) : sqlFiles(home, graderDir);
        for (Path dir : List.of(home.resolve("labs").resolve(folder()), home.resolve("solutions").resolve(folder()),
                home.resolve("datasets").resolve(folder()), graderDir)) {
            if (Files.exists(dir)) {
                throw new IllegalArgumentException(home.relativize(dir) + " exists already: pick another number or "
                        + "slug, or remove it");
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Files.createDirectories(file.getKey().getParent());
                Files.writeString(file.getKey(), template(file.getValue()));
                written.add(file.getKey());
            }
            Path manifest = home.resolve(Course.MANIFEST);
            Files.writeString(manifest, withEntry(Files.readString(manifest)));
            written.add(manifest);
            Path readme = home.resolve("README.md");
            if (Files.isRegularFile(readme)) {
                Files.writeString(readme, withTableRow(Files.readString(readme)));
                written.add(readme);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the lab: " + e.getMessage(), e);
        }
        Course.load(home);  // the manifest still reads
        return written;
    }

    /** Where each file of an SQL lab goes, and its template. */
    private Map<Path, String> sqlFiles(Path home, Path graderDir) {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(home.resolve("labs").resolve(folder()).resolve("README.md"), "sql/README.md");
        files.put(home.resolve("labs").resolve(folder()).resolve(EXERCISE), "sql/starter.sql");
        files.put(home.resolve("solutions").resolve(folder()).resolve(EXERCISE), "sql/solution.sql");
        files.put(graderDir.resolve(graderClass() + ".java"), "sql/Grader.java");
        files.put(home.resolve("graders/src/main/resources").resolve(graderPackage().replace('.', '/'))
                .resolve("references/01-items-by-price.sql"), "sql/reference.sql");
        putDatasets(files, home);
        Path golden = home.resolve("graders/src/test/resources/golden").resolve(folder());
        files.put(golden.resolve("renamed-column").resolve(folder()).resolve(EXERCISE), "sql/golden-submission.sql");
        files.put(golden.resolve("renamed-column/expected.json"), "sql/golden-expected.json");
        files.put(golden.resolve("no-tie-breaker").resolve(folder()).resolve(EXERCISE), "sql/golden-no-tie-breaker.sql");
        files.put(golden.resolve("no-tie-breaker/expected.json"), "sql/golden-no-tie-breaker-expected.json");
        files.put(golden.resolve(REQUIREMENTS), "sql/" + REQUIREMENTS);
        return files;
    }

    /** Where each file of a Java lab goes, and its template: the SQL lab's data, a Maven project to complete. */
    private Map<Path, String> javaFiles(Path home, Path graderDir) {
        Map<Path, String> files = new LinkedHashMap<>();
        Path lab = home.resolve("labs").resolve(folder());
        Path solution = home.resolve("solutions").resolve(folder());
        files.put(lab.resolve("README.md"), "java/README.md");
        files.put(lab.resolve("pom.xml"), "java/pom.xml");
        files.put(lab.resolve(JAVA_EXERCISE), "java/starter.java");
        files.put(solution.resolve("pom.xml"), "java/pom.xml");
        files.put(solution.resolve(JAVA_EXERCISE), "java/solution.java");
        files.put(graderDir.resolve(graderClass() + ".java"), "java/Grader.java");
        files.put(graderDir.resolve("sandboxed/CountCheaper.java"), "java/CountCheaper.java");
        putDatasets(files, home);
        Path golden = home.resolve("graders/src/test/resources/golden").resolve(folder());
        files.put(golden.resolve("counts-equal-price").resolve(folder()).resolve(JAVA_EXERCISE),
                "java/golden-submission.java");
        files.put(golden.resolve("counts-equal-price/expected.json"), "java/golden-expected.json");
        files.put(golden.resolve("closes-the-connection").resolve(folder()).resolve(JAVA_EXERCISE),
                "java/golden-closes-connection.java");
        files.put(golden.resolve("closes-the-connection/expected.json"), "java/golden-closes-connection-expected.json");
        files.put(golden.resolve(REQUIREMENTS), "java/" + REQUIREMENTS);
        return files;
    }

    /** The items dataset with its hidden variant, the same for both kinds. */
    private void putDatasets(Map<Path, String> files, Path home) {
        Path datasets = home.resolve("datasets").resolve(folder());
        for (String script : List.of("schema.sql", "data.sql", "variant-hidden.sql")) {
            files.put(datasets.resolve(script), "sql/" + script);
        }
    }

    private String template(String name) throws IOException {
        try (InputStream in = LabSkeleton.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("pglabs is missing its template " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${ID}", id).replace("${FOLDER}", folder()).replace("${SLUG}", slug)
                    .replace("${TITLE}", title)
                    .replace("${CLASS}", graderClass()).replace("${PACKAGE}", graderPackage());
        }
    }

    /** course.json with this lab's entry appended to "labs", the rest of the text as it was. */
    String withEntry(String manifest) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode entry = mapper.createObjectNode().put("id", id).put("slug", slug).put("title", title)
                .put("teaches", "what the lab teaches, for ./pglabs list and the README table")
                .put("grader", graderPackage() + "." + graderClass());
        ObjectNode datasets = entry.putObject("datasets");
        datasets.putArray("default").add(folder() + "/schema.sql").add(folder() + "/data.sql");
        datasets.putArray("hidden").add(folder() + "/schema.sql").add(folder() + "/data.sql")
                .add(folder() + "/variant-hidden.sql");
        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(entry)
                .replace(" : ", ": ").replace("[ ", "[").replace(" ]", "]").replace("\n", "\n    ");
        // The last lab entry ends with the last "}" before the closing "]" of "labs".
        int labsEnd = manifest.lastIndexOf(']');
        int lastEntry = manifest.lastIndexOf('}', labsEnd);
        if (labsEnd < 0 || lastEntry < 0 || manifest.indexOf("\"labs\"") < 0) {
            throw new IllegalArgumentException("course.json has no \"labs\" list to add the lab to");
        }
        String updated = manifest.substring(0, lastEntry + 1) + ",\n    " + json + manifest.substring(lastEntry + 1);
        mapper.readTree(updated);  // still JSON
        return updated;
    }

    /** README.md with the lab's row added under the course table's last row. */
    String withTableRow(String readme) {
        Matcher rows = Pattern.compile("(?m)^\\| \\[\\d{2}-[^\\n]*\\n").matcher(readme);
        int end = -1;
        while (rows.find()) {
            end = rows.end();
        }
        if (end < 0) {
            return readme;
        }
        String row = "| [" + folder() + "](labs/" + folder() + "/README.md) | " + title.toLowerCase(Locale.ROOT) + " |\n";
        return readme.substring(0, end) + row + readme.substring(end);
    }
}
