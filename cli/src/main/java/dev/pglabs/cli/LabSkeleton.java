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
 * The files of a new SQL lab, from the templates in {@code new-lab/sql/}: README (a notebook cell with its recorded
 * output, a "## Hints" section), one starter with its TODO and its solution, a grader with its reference answer, a
 * dataset with a hidden variant, one golden scenario, the lab's course.json entry and its row in README.md's
 * table. Together they pass {@code pglabs verify} and {@code pglabs dev check} as written.
 */
final class LabSkeleton {

    private static final Pattern FOLDER = Pattern.compile("(\\d{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");
    private static final String TEMPLATES = "new-lab/sql/";
    static final String EXERCISE = "01-items-by-price.sql";

    private final String id;
    private final String slug;
    private final String title;

    private LabSkeleton(String id, String slug) {
        this.id = id;
        this.slug = slug;
        String words = slug.replace('-', ' ');
        this.title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The skeleton of lab {@code NN-slug}, or an IllegalArgumentException that says what a folder name is. */
    static LabSkeleton of(String folder) {
        Matcher m = FOLDER.matcher(folder);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + folder + "' is not a lab folder name: two digits, a dash and a "
                    + "lower-case slug, e.g. 12-window-functions");
        }
        return new LabSkeleton(m.group(1), m.group(2));
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
        String pkgPath = graderPackage().replace('.', '/');
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("README.md", home.resolve("labs").resolve(folder()).resolve("README.md"));
        files.put("starter.sql", home.resolve("labs").resolve(folder()).resolve(EXERCISE));
        files.put("solution.sql", home.resolve("solutions").resolve(folder()).resolve(EXERCISE));
        files.put("Grader.java", home.resolve("graders/src/main/java").resolve(pkgPath).resolve(graderClass() + ".java"));
        files.put("reference.sql", home.resolve("graders/src/main/resources").resolve(pkgPath)
                .resolve("references/01-items-by-price.sql"));
        files.put("schema.sql", home.resolve("datasets").resolve(folder()).resolve("schema.sql"));
        files.put("data.sql", home.resolve("datasets").resolve(folder()).resolve("data.sql"));
        files.put("variant-hidden.sql", home.resolve("datasets").resolve(folder()).resolve("variant-hidden.sql"));
        Path golden = home.resolve("graders/src/test/resources/golden").resolve(folder()).resolve("renamed-column");
        files.put("golden-submission.sql", golden.resolve(folder()).resolve(EXERCISE));
        files.put("golden-expected.json", golden.resolve("expected.json"));
        for (Path dir : List.of(home.resolve("labs").resolve(folder()), home.resolve("solutions").resolve(folder()),
                home.resolve("datasets").resolve(folder()), home.resolve("graders/src/main/java").resolve(pkgPath))) {
            if (Files.exists(dir)) {
                throw new IllegalArgumentException(home.relativize(dir) + " exists already: pick another number or "
                        + "slug, or remove it");
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Files.createDirectories(file.getValue().getParent());
                Files.writeString(file.getValue(), template(file.getKey()));
                written.add(file.getValue());
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

    private String template(String name) throws IOException {
        try (InputStream in = LabSkeleton.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("pglabs is missing its template " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${ID}", id).replace("${FOLDER}", folder()).replace("${TITLE}", title)
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
