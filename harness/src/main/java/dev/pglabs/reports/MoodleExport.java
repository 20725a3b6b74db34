package dev.pglabs.reports;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.Roster;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code moodle-grades.csv}: a file Moodle's "Import → CSV file" of the gradebook takes as it is. Columns
 * {@code Email address, ID number, Full name}, then one per lab named after the lab folder. On import, "Identify user
 * by" maps {@code Email address} to the user's e-mail (or {@code ID number} to the user's ID number), and each lab
 * column to a grade item (or a new one). Only students of the roster with an e-mail or an id are written; students
 * pglabs could not grade are left out. No maximum row: Moodle's grade items carry their maximum.
 */
public final class MoodleExport {

    public static final String FILE = "moodle-grades.csv";

    private MoodleExport() {
    }

    /** Writes the file; {@code records} must have a roster (the caller says why there is no file otherwise). */
    public static void write(ClassResult result, CourseRecords records, Path file) throws IOException {
        Roster roster = records.roster().orElseThrow(() -> new IllegalArgumentException("a roster is needed"));
        List<String> header = new ArrayList<>(List.of("Email address", "ID number", "Full name"));
        result.labs().stream().map(Lab::folder).forEach(header::add);
        List<List<String>> rows = new ArrayList<>();
        for (StudentResult student : result.students()) {
            Optional<Roster.Person> p = roster.find(student.name());
            if (student.result().isEmpty() || p.isEmpty() || p.get().email().isEmpty() && p.get().id().isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(GradebookCsv.safeText(p.get().email()),
                    GradebookCsv.safeText(p.get().id()), GradebookCsv.safeText(p.get().name())));
            row.addAll(GradebookCsv.coursePoints(result.labs(), records, student));
            rows.add(row);
        }
        GradebookCsv.writeCsv(header, rows, file);
    }
}
