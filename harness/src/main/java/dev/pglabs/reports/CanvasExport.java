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
 * {@code canvas-grades.csv}: a file Canvas's gradebook import ("Import" in the Gradebook) takes as it is. Columns
 * {@code Student, ID, SIS User ID, SIS Login ID, Section} (the five Canvas's own gradebook export starts with), then
 * one per lab named after the lab folder (a new assignment to Canvas, which asks how to match it on import). A
 * {@code Points Possible} row, as in Canvas's export. Canvas finds each student by {@code ID} (its own user id, the
 * roster's {@code canvas_id}) or by {@code SIS User ID} (the roster's {@code id}), so only students of the roster with
 * one of them are written; students pglabs could not grade are left out (nothing to import).
 */
public final class CanvasExport {

    public static final String FILE = "canvas-grades.csv";

    private CanvasExport() {
    }

    /** Writes the file; {@code records} must have a roster (the caller says why there is no file otherwise). */
    public static void write(ClassResult result, CourseRecords records, Path file) throws IOException {
        Roster roster = records.roster().orElseThrow(() -> new IllegalArgumentException("a roster is needed"));
        List<String> header = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        result.labs().stream().map(Lab::folder).forEach(header::add);
        List<List<String>> rows = new ArrayList<>();
        List<String> possible = new ArrayList<>(List.of("Points Possible", "", "", "", ""));
        possible.addAll(GradebookCsv.coursePointsPossible(result, records));
        rows.add(possible);
        for (StudentResult student : result.students()) {
            Optional<Roster.Person> p = roster.find(student.name());
            if (student.result().isEmpty() || p.isEmpty() || p.get().canvasId().isEmpty() && p.get().id().isEmpty()) {
                continue;
            }
            Roster.Person person = p.get();
            List<String> row = new ArrayList<>(List.of(
                    GradebookCsv.safeText(person.name().isEmpty() ? student.name() : person.name()),
                    GradebookCsv.safeText(person.canvasId()), GradebookCsv.safeText(person.id()),
                    GradebookCsv.safeText(person.sisLoginId()), GradebookCsv.safeText(person.section())));
            row.addAll(GradebookCsv.coursePoints(result.labs(), records, student));
            rows.add(row);
        }
        GradebookCsv.writeCsv(header, rows, file);
    }
}
