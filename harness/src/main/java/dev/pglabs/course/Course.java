package dev.pglabs.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.provisioning.Dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The course: its home folder (where course.json, labs/, solutions/ and datasets/ live) and the ordered
 * list of labs from {@code course.json}.
 */
public record Course(Path home, String title, List<Lab> labs, boolean studentRelease) {

    public static final String MANIFEST = "course.json";

    private record Manifest(String title, List<Lab> labs, boolean studentRelease) {
    }

    public Course(Path home, String title, List<Lab> labs) {
        this(home, title, labs, false);
    }

    public static Course load(Path home) {
        Path manifest = home.resolve(MANIFEST);
        try {
            Manifest m = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readString(manifest), Manifest.class);
            return new Course(home.toAbsolutePath().normalize(), m.title(), List.copyOf(m.labs()), m.studentRelease());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the course manifest " + manifest + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds the course home: the {@code pglabs.home} system property, the {@code PGLABS_HOME} variable, or the
     * nearest folder upwards from the working directory that holds course.json.
     */
    public static Course locate() {
        String configured = Optional.ofNullable(System.getProperty("pglabs.home"))
                .orElse(System.getenv("PGLABS_HOME"));
        if (configured != null && !configured.isBlank()) {
            return load(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MANIFEST))) {
                return load(dir);
            }
        }
        throw new IllegalStateException("Could not find " + MANIFEST + ": run pglabs from inside the course "
                + "repository, or set PGLABS_HOME.");
    }

    public Optional<Lab> find(String reference) {
        return labs.stream().filter(l -> l.matches(reference)).findFirst();
    }

    public Lab lab(String reference) {
        return find(reference).orElseThrow(() -> new IllegalArgumentException("There is no lab '" + reference
                + "'. Labs: " + String.join(", ", labs.stream().map(Lab::folder).toList())));
    }

    /** A named dataset of a lab: its scripts (paths under datasets/) and who owns the tables. */
    public Dataset dataset(Lab lab, String name) {
        List<String> scripts = lab.datasets().get(name);
        if (scripts == null) {
            throw new IllegalArgumentException("Lab " + lab.folder() + " has no dataset named '" + name + "'");
        }
        return new Dataset(scripts.stream().map(s -> home.resolve("datasets").resolve(s)).toList(),
                lab.studentOwnsTables());
    }

    /**
     * Why hidden checks cannot run here, or empty: a student release (./pglabs release) has neither their code nor
     * their data.
     */
    public Optional<String> hiddenChecksUnavailable() {
        if (!studentRelease) {
            return Optional.empty();
        }
        return Optional.of("This is the student copy of the course (written by ./pglabs release): hidden checks and "
                + "their data are not part of it, so only the visible checks can run here. Hidden checks are graded "
                + "by your instructor with the full course repository.");
    }

    public Path labsDir() {
        return home.resolve("labs");
    }

    public Path solutionsDir() {
        return home.resolve("solutions");
    }
}
