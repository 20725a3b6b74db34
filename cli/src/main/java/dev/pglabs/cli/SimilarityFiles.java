package dev.pglabs.cli;

import dev.pglabs.classroom.Student;
import dev.pglabs.classroom.similarity.SimilarityReport;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.reports.SimilarityPage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** {@code grade-class --similarity}: compares the whole class's answers and writes the page and its JSON. */
final class SimilarityFiles {

    private SimilarityFiles() {
    }

    /** Compares every student of the roster (not only those graded now: a regrade still compares the class). */
    static void write(Course course, List<Lab> labs, List<Student> students, Path to, PrintStream err) {
        SimilarityReport report;
        try {
            report = SimilarityReport.of(course, labs, students);
            SimilarityPage.write(report, to.resolve(SimilarityReport.HTML));
            report.writeJson(to.resolve(SimilarityReport.JSON));
        } catch (IOException | UncheckedIOException e) {
            // The grades are written already; a report that cannot be written does not undo them.
            err.println("pglabs: the similarity report could not be written to " + to + ": " + e.getMessage()
                    + ". The grades are complete; check the folder and run with --similarity again.");
            return;
        }
        System.out.println("Similarity: " + to.resolve(SimilarityReport.HTML) + " (" + report.pairs().size()
                + (report.pairs().size() == 1 ? " pair" : " pairs") + " to look at; a hint, never a penalty)");
        if (!report.notes().isEmpty()) {
            err.println("pglabs: similarity: " + report.notes().size() + " file(s) not compared; the page lists them.");
        }
    }
}
