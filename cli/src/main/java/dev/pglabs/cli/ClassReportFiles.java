package dev.pglabs.cli;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.GradingPolicy;
import dev.pglabs.classroom.InvalidCourseFile;
import dev.pglabs.course.Course;
import dev.pglabs.classroom.ReportFileNames;
import dev.pglabs.classroom.Roster;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.reports.CanvasExport;
import dev.pglabs.reports.ClassOverviewPage;
import dev.pglabs.reports.FeedbackPage;
import dev.pglabs.reports.GitHubStepSummary;
import dev.pglabs.reports.GradebookCsv;
import dev.pglabs.reports.JsonReport;
import dev.pglabs.reports.MarkdownSummary;
import dev.pglabs.reports.MoodleExport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The files a class run writes to its {@code --out} folder; grade-class and merge-grades write them alike. */
final class ClassReportFiles {

    static final String GRADEBOOK = "gradebook.csv";
    static final String OVERVIEW = "overview.html";
    static final String SUMMARY = "summary.md";
    static final String STUDENTS = "students";
    /** The run's copy of the course policy: a regrade into the folder applies it again. */
    static final String POLICY = "grading.json";
    /** The run's copy of the class list. */
    static final String ROSTER = "roster.csv";

    private ClassReportFiles() {
    }

    /**
     * Writes the gradebook, the overview, the summary and each graded student's JSON result and feedback page.
     *
     * @return each graded student's report file base name
     */
    static Map<String, String> write(ClassResult result, CourseRecords records, Path to, PrintStream err)
            throws IOException {
        return write(result, records, to, err, name -> true, Optional.empty());
    }

    /**
     * As {@link #write(ClassResult, CourseRecords, Path, PrintStream)}, but only the students {@code rewrite} accepts
     * get their files written: the others' files stay as they are, byte for byte (a regrade of a few students); and
     * the overview shows what changed since {@code previous}, the run this one replaces in {@code to}, if any.
     */
    static Map<String, String> write(ClassResult result, CourseRecords records, Path to, PrintStream err,
                                     Predicate<String> rewrite,
                                     Optional<ClassOverviewPage.PreviousRun> previous) throws IOException {
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
        if (records.roster().isPresent()) {
            CanvasExport.write(result, records, to.resolve(CanvasExport.FILE));
            MoodleExport.write(result, records, to.resolve(MoodleExport.FILE));
        } else {
            // Without a roster the LMS cannot tell whose row is whose: no file beats one that imports wrongly.
            Files.deleteIfExists(to.resolve(CanvasExport.FILE));
            Files.deleteIfExists(to.resolve(MoodleExport.FILE));
        }
        ClassOverviewPage.write(result, links, records.notes(result), previous, to.resolve(OVERVIEW));
        String summary = MarkdownSummary.of(result);
        Files.writeString(to.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        GitHubStepSummary.append(summary, System.getenv())
                .ifPresent(file -> err.println("Summary added to the GitHub job page."));
        return files;
    }

    /**
     * The policy and roster a run applies: the files given, else, for a regrade into an earlier run
     * ({@code regrade}), the copies that run kept in {@code to}, else none. Reads only: an unusable file stops the
     * run before {@code to} is touched.
     *
     * @throws InvalidCourseFile when a file cannot be used (the message says why and what to fix)
     */
    static CourseRecords records(Path policyFile, Path rosterFile, boolean regrade, Course course, Path to)
            throws IOException, InvalidCourseFile {
        Path policy = given(policyFile, regrade, to.resolve(POLICY));
        Path roster = given(rosterFile, regrade, to.resolve(ROSTER));
        return new CourseRecords(policy == null ? Optional.empty() : Optional.of(GradingPolicy.read(policy, course)),
                roster == null ? Optional.empty() : Optional.of(Roster.read(roster)), List.of());
    }

    private static Path given(Path file, boolean regrade, Path kept) {
        return file != null ? file : regrade && Files.isRegularFile(kept) ? kept : null;
    }

    /** Keeps a copy of the run's policy and roster files in {@code to}, for regrades into it. */
    static void keep(Path policyFile, Path rosterFile, Path to) throws IOException {
        keep(policyFile, to.resolve(POLICY));
        keep(rosterFile, to.resolve(ROSTER));
    }

    private static void keep(Path file, Path kept) throws IOException {
        if (file != null && (!Files.exists(kept) || !Files.isSameFile(file, kept))) {
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void printWhere(Path to) {
        System.out.println("Gradebook: " + to.resolve(GRADEBOOK));
        if (Files.exists(to.resolve(CanvasExport.FILE))) {
            System.out.println("For the LMS: " + to.resolve(CanvasExport.FILE) + ", " + to.resolve(MoodleExport.FILE));
        }
        System.out.println("Overview:  " + to.resolve(OVERVIEW));
        System.out.println("Per student: " + to.resolve(STUDENTS) + "/<name>.json and .html");
    }
}
