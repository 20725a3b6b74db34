package dev.pglabs.cli;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.GradingPolicy;
import dev.pglabs.course.Course;
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
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The files a class run writes to its {@code --out} folder; grade-class and merge-grades write them alike. */
final class ClassReportFiles {

    static final String GRADEBOOK = "gradebook.csv";
    static final String OVERVIEW = "overview.html";
    static final String SUMMARY = "summary.md";
    static final String STUDENTS = "students";
    /** The run's copy of the course policy: a regrade into the folder applies it again. */
    static final String POLICY = "grading.json";

    private ClassReportFiles() {
    }

    /**
     * Writes the gradebook, the overview, the summary and each graded student's JSON result and feedback page.
     *
     * @return each graded student's report file base name
     */
    static Map<String, String> write(ClassResult result, CourseRecords records, Path to, PrintStream err)
            throws IOException {
        return write(result, records, to, err, name -> true);
    }

    /**
     * As {@link #write(ClassResult, CourseRecords, Path, PrintStream)}, but only the students {@code rewrite} accepts get their files
     * written: the others' files stay as they are, byte for byte (a regrade of a few students).
     */
    static Map<String, String> write(ClassResult result, CourseRecords records, Path to, PrintStream err,
                                     java.util.function.Predicate<String> rewrite) throws IOException {
        Files.createDirectories(to.resolve(STUDENTS));
        Map<String, String> files = ReportFileNames.assign(result.students().stream().map(StudentResult::name).toList());
        Map<String, String> links = new LinkedHashMap<>();
        for (StudentResult student : result.students()) {
            String base = files.get(student.name());
            if (student.result().isPresent() && rewrite.test(student.name())) {
                JsonReport.write(student.result().get(), to.resolve(STUDENTS).resolve(base + ".json"));
                FeedbackPage.write(student.name(), student.result().get(), records.grades(result.labs(), student),
                        to.resolve(STUDENTS).resolve(base + ".html"));
            }
            if (student.result().isPresent()) {
                links.put(student.name(), STUDENTS + "/" + base + ".html");
            }
        }
        GradebookCsv.write(result, records, to.resolve(GRADEBOOK));
        ClassOverviewPage.write(result, links, to.resolve(OVERVIEW));
        String summary = MarkdownSummary.of(result);
        Files.writeString(to.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        GitHubStepSummary.append(summary, System.getenv())
                .ifPresent(file -> err.println("Summary added to the GitHub job page."));
        return files;
    }

    /**
     * The policy a run applies: {@code file} when given, else, for a regrade into an earlier run ({@code regrade}),
     * the copy that run kept in {@code to}, else none. Reads only: an unusable file stops the run before {@code to}
     * is touched.
     *
     * @throws GradingPolicy.Invalid when the file cannot be used (the message says why and what to fix)
     */
    static CourseRecords records(Path policyFile, boolean regrade, Course course, Path to)
            throws IOException, GradingPolicy.Invalid {
        Path kept = to.resolve(POLICY);
        Path file = policyFile != null ? policyFile : regrade && Files.isRegularFile(kept) ? kept : null;
        return file == null ? CourseRecords.NONE : new CourseRecords(Optional.of(GradingPolicy.read(file, course)));
    }

    /** Keeps a copy of the run's policy in {@code to} (or removes an earlier run's when this one has none). */
    static void keepPolicy(Path policyFile, Path to) throws IOException {
        Path kept = to.resolve(POLICY);
        if (policyFile == null) {
            return;
        }
        if (!Files.exists(kept) || !Files.isSameFile(policyFile, kept)) {
            Files.copy(policyFile, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void printWhere(Path to) {
        System.out.println("Gradebook: " + to.resolve(GRADEBOOK));
        System.out.println("Overview:  " + to.resolve(OVERVIEW));
        System.out.println("Per student: " + to.resolve(STUDENTS) + "/<name>.json and .html");
    }
}
