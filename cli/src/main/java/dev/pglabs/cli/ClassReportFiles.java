package dev.pglabs.cli;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ReportFileNames;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.reports.ClassOverviewPage;
import dev.pglabs.reports.FeedbackPage;
import dev.pglabs.reports.GitHubStepSummary;
import dev.pglabs.reports.GradebookCsv;
import dev.pglabs.reports.JsonReport;
import dev.pglabs.reports.MarkdownSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The files a class run writes to its {@code --out} folder; grade-class and merge-grades write them alike. */
final class ClassReportFiles {

    static final String GRADEBOOK = "gradebook.csv";
    static final String OVERVIEW = "overview.html";
    static final String SUMMARY = "summary.md";
    static final String STUDENTS = "students";

    private ClassReportFiles() {
    }

    /**
     * Writes the gradebook, the overview, the summary and each graded student's JSON result and feedback page.
     *
     * @return each graded student's report file base name
     */
    static Map<String, String> write(ClassResult result, Path to, PrintStream err) throws IOException {
        return write(result, to, err, name -> true, Optional.empty());
    }

    /**
     * As {@link #write(ClassResult, Path, PrintStream)}, but only the students {@code rewrite} accepts get their files
     * written: the others' files stay as they are, byte for byte (a regrade of a few students); and the overview
     * shows what changed since {@code previous}, the run this one replaces in {@code to}, if any.
     */
    static Map<String, String> write(ClassResult result, Path to, PrintStream err,
                                     java.util.function.Predicate<String> rewrite,
                                     Optional<ClassOverviewPage.PreviousRun> previous) throws IOException {
        Files.createDirectories(to.resolve(STUDENTS));
        Map<String, String> files = ReportFileNames.assign(result.students().stream().map(StudentResult::name).toList());
        Map<String, String> links = new LinkedHashMap<>();
        for (StudentResult student : result.students()) {
            String base = files.get(student.name());
            if (student.result().isPresent() && rewrite.test(student.name())) {
                JsonReport.write(student.result().get(), to.resolve(STUDENTS).resolve(base + ".json"));
                FeedbackPage.write(student.name(), student.result().get(), to.resolve(STUDENTS).resolve(base + ".html"));
            }
            if (student.result().isPresent()) {
                links.put(student.name(), STUDENTS + "/" + base + ".html");
            }
        }
        GradebookCsv.write(result, to.resolve(GRADEBOOK));
        ClassOverviewPage.write(result, links, previous, to.resolve(OVERVIEW));
        String summary = MarkdownSummary.of(result);
        Files.writeString(to.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        GitHubStepSummary.append(summary, System.getenv())
                .ifPresent(file -> err.println("Summary added to the GitHub job page."));
        return files;
    }

    static void printWhere(Path to) {
        System.out.println("Gradebook: " + to.resolve(GRADEBOOK));
        System.out.println("Overview:  " + to.resolve(OVERVIEW));
        System.out.println("Per student: " + to.resolve(STUDENTS) + "/<name>.json and .html");
    }
}
