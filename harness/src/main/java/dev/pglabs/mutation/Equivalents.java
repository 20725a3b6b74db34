package dev.pglabs.mutation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.ReferenceAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Survivors a grader's author has judged harmless: {@code references/equivalent-mutants.json} beside the grader
 * (left out of a student release with the references), a list of {@code {"check", "change", "reason"}} where
 * {@code change} is the mutant's change as the report prints it. A mutant that cannot change the result on any
 * data (e.g. {@code count(*)} and {@code count(id)} over a primary key) is not a gap in the data.
 */
record Equivalents(List<Entry> entries) {

    static final String FILE = "equivalent-mutants.json";

    record Entry(String check, String change, String reason) {
    }

    static Equivalents of(Lab lab) {
        try {
            Class<?> grader = Class.forName(lab.grader());
            try (InputStream in = grader.getResourceAsStream(ReferenceAnswer.FOLDER + "/" + FILE)) {
                if (in == null) {
                    return new Equivalents(List.of());
                }
                return new Equivalents(new ObjectMapper().readValue(in, new TypeReference<List<Entry>>() { }));
            }
        } catch (ClassNotFoundException e) {
            return new Equivalents(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE + " beside " + lab.grader() + ": " + e.getMessage(), e);
        }
    }

    Optional<String> reasonFor(String check, String change) {
        return entries.stream().filter(e -> e.check().equals(check) && e.change().equals(change))
                .map(Entry::reason).findFirst();
    }
}
