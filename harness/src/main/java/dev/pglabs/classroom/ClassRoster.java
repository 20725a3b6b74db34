package dev.pglabs.classroom;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.submission.SubmissionLocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The students of a submissions folder: each sub-folder is one student (a copy of {@code labs/}, or a clone of
 * the student repository with {@code labs/} inside). Hidden entries are ignored; plain files are listed as
 * skipped so the instructor hears about a forgotten zip.
 *
 * @param students in a stable order: by name, ignoring case, then exactly
 * @param skipped  each entry that is not a student folder, with why
 */
public record ClassRoster(List<Student> students, List<Skipped> skipped) {

    /**
     * An entry of the class folder that could not be graded as a student (a forgotten zip), with why: reports list
     * it among the students pglabs could not grade.
     */
    public record Skipped(String name, String reason) {
        @Override
        public String toString() {
            return name + ": " + reason;
        }
    }

    /** The order students appear in everywhere: gradebook, overview, progress. */
    public static final Comparator<String> NAME_ORDER =
            Comparator.comparing((String s) -> s, String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder());

    public ClassRoster {
        students = List.copyOf(students);
        skipped = List.copyOf(skipped);
    }

    public static ClassRoster scan(Path submissions, Course course) {
        List<String> labFolders = course.labs().stream().map(Lab::folder).toList();
        List<Student> students = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(submissions)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                // The submissions folder is the instructor's: a linked student folder is followed on purpose.
                if (!Files.isDirectory(entry)) {
                    skipped.add(new Skipped(name, "not a folder" + (name.toLowerCase().endsWith(".zip")
                            ? " (unzip it into a folder of its own)" : "")));
                    continue;
                }
                SubmissionLocator.Located located = SubmissionLocator.locate(entry, labFolders);
                students.add(new Student(name, entry, located.root(), located.note()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the submissions folder " + submissions + ": "
                    + e.getMessage(), e);
        }
        students.sort(Comparator.comparing(Student::name, NAME_ORDER));
        skipped.sort(Comparator.comparing(Skipped::name, NAME_ORDER));
        return new ClassRoster(students, skipped);
    }
}
