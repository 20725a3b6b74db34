package dev.pglabs.course;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pglabs.results.LabResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's progress, kept next to the course in {@code .pglabs/progress.json} (ignored by git): the last
 * result of each lab they graded on their own work, and how many hints of each exercise they have seen.
 * Losing the file loses nothing but convenience.
 */
public final class Progress {

    /** The stored state; public for Jackson. */
    public static final class State {
        public Map<String, LabResult> lastResults = new HashMap<>();
        public Map<String, Integer> hintsShown = new HashMap<>();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final State state;

    private Progress(Path file, State state) {
        this.file = file;
        this.state = state;
    }

    /** Where progress lives: {@code <course>/.pglabs}, or the folder in system property {@code pglabs.state} (tests). */
    public static Progress load(Course course) {
        String override = System.getProperty("pglabs.state");
        Path dir = override != null && !override.isBlank() ? Path.of(override) : course.home().resolve(".pglabs");
        Path file = dir.resolve("progress.json");
        try {
            State state = Files.isRegularFile(file) ? MAPPER.readValue(file.toFile(), State.class) : new State();
            return new Progress(file, state);
        } catch (IOException e) {
            return new Progress(file, new State());  // a damaged file only costs the saved progress
        }
    }

    public Optional<LabResult> lastResult(Lab lab) {
        return Optional.ofNullable(state.lastResults.get(lab.folder()));
    }

    public void recordResult(LabResult result) {
        state.lastResults.put(result.id(), result);
    }

    /** How many hints of this exercise the learner has seen. */
    public int hintsShown(Lab lab, String exercise) {
        return state.hintsShown.getOrDefault(lab.folder() + "/" + exercise, 0);
    }

    public void recordHintsShown(Lab lab, String exercise, int count) {
        state.hintsShown.put(lab.folder() + "/" + exercise, count);
    }

    public void save() {
        try {
            Files.createDirectories(file.getParent());
            MAPPER.writeValue(file.toFile(), state);
        } catch (IOException e) {
            System.err.println("pglabs: could not save your progress in " + file + ": " + e.getMessage());
        }
    }
}
