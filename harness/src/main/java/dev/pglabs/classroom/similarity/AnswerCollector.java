package dev.pglabs.classroom.similarity;

import dev.pglabs.classroom.Student;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.submission.Submission;
import dev.pglabs.submission.SubmissionProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every student's SQL answers. The exercises of a lab are the {@code .sql} files of its starter folder in
 * the course (labs/NN-slug/, target/ and dot folders left out); a student's answer is the file of the same path
 * in their lab folder, read as the grader reads it ({@link dev.pglabs.submission.LabFiles}: size-capped, links
 * refused, binary and bad UTF-8 refused). A missing file, a file left as the starter, or one holding only the
 * starter's statements is no answer. A file that cannot be read becomes a note; it never stops the run.
 */
public final class AnswerCollector {

    /** Far above any lab's number of exercises; a bigger starter folder is not walked further. */
    private static final int MAX_EXERCISES = 200;

    private final SqlNormaliser normaliser;
    private final List<String> notes = new ArrayList<>();

    public AnswerCollector(SqlNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    /** The exercises of a lab, in file order. */
    public static List<Exercise> exercises(Course course, Lab lab) {
        Path dir = course.labsDir().resolve(lab.folder());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, Exercise> found = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir, 6)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (found.size() < MAX_EXERCISES && rel.endsWith(".sql") && !skipped(rel)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.put(rel, new Exercise(lab.folder(), rel, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the starter of lab " + lab.folder() + ": " + e.getMessage(), e);
        }
        return List.copyOf(found.values());
    }

    private static boolean skipped(String rel) {
        for (String part : rel.split("/")) {
            if (part.startsWith(".") || part.equals("target")) {
                return true;
            }
        }
        return false;
    }

    /** Every answer of {@code students} to {@code exercises}; problems go to {@link #notes()}. */
    public List<Answer> answers(List<Student> students, List<Exercise> exercises) {
        List<Answer> answers = new ArrayList<>();
        for (Exercise exercise : exercises) {
            Set<String> starter = normaliser.starterForms(exercise.starter());
            for (Student student : students) {
                String text = read(student, exercise);
                if (text == null || text.equals(exercise.starter())) {
                    continue;
                }
                SqlNormaliser.Normalised n = normaliser.normalise(text, starter);
                if (!n.form().isEmpty()) {
                    answers.add(new Answer(student.name(), exercise, text, n.form(), n.tokens(), n.parsed()));
                }
            }
        }
        return answers;
    }

    private String read(Student student, Exercise exercise) {
        try {
            return new Submission(student.labs()).lab(exercise.lab()).text(exercise.file());
        } catch (SubmissionProblem problem) {
            if (!problem.isNotAttempted()) {
                notes.add(student.name() + ": " + problem.getMessage() + " Not compared.");
            }
            return null;
        } catch (IllegalArgumentException | UncheckedIOException | SecurityException e) {
            notes.add(student.name() + ": " + exercise.name() + " could not be read (" + e.getMessage() + "). Not compared.");
            return null;
        }
    }

    /** What could not be compared, one line each, for the instructor. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
