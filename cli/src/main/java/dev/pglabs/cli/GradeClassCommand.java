package dev.pglabs.cli;

import dev.pglabs.classroom.ClassGrading;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.ReportFileNames;
import dev.pglabs.classroom.Student;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.reports.ClassOverviewPage;
import dev.pglabs.reports.FeedbackPage;
import dev.pglabs.reports.GitHubStepSummary;
import dev.pglabs.reports.GradebookCsv;
import dev.pglabs.reports.JsonReport;
import dev.pglabs.reports.MarkdownSummary;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pglabs grade-class}: grades every student of a class in one process (one server, one set of templates)
 * and writes the gradebook, a JSON result and a feedback page per student, and the class overview.
 */
@Command(name = "grade-class", sortOptions = false,
        description = {"Grade a whole class: every sub-folder of SUBMISSIONS is one student (a copy of labs/, "
                + "or a clone of the student repository).",
                "Writes to DIR: gradebook.csv, overview.html, summary.md, and students/<name>.json + .html."})
final class GradeClassCommand implements Callable<Integer> {

    static final String GRADEBOOK = "gradebook.csv";
    static final String OVERVIEW = "overview.html";
    static final String SUMMARY = "summary.md";
    static final String STUDENTS = "students";

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "The folder with one sub-folder per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the gradebook and reports go (created; an earlier run's reports are replaced).")
    Path out;

    @Option(names = "--labs", paramLabel = "LAB", split = ",",
            description = "Labs to grade, e.g. --labs 01,03 (default: all labs).")
    List<String> labs = List.of();

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Students graded at the same time. The results do not depend on it. Default: ${DEFAULT-VALUE}.")
    int jobs;

    @Mixin
    DatabaseOptions database;

    @Mixin
    SandboxOptions sandbox;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        if (course.hiddenChecksUnavailable().isPresent()) {
            System.err.println("pglabs: grade-class (instructor grading runs the hidden checks) is for instructors and cannot run here. "
                    + course.hiddenChecksUnavailable().get());
            return Main.CANNOT_GRADE;
        }
        if (!SandboxOptions.permits(sandbox.forOthers(), selected)) {
            return Main.CANNOT_GRADE;
        }
        if (jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be 1 or more.");
        }
        Path from = submissions.toAbsolutePath().normalize();
        Path to = out.toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            System.err.println("pglabs: the submissions folder " + from + " does not exist.");
            return Main.CANNOT_GRADE;
        }
        if (to.startsWith(from)) {
            System.err.println("pglabs: --out " + to + " is inside the submissions folder; it would be graded as a "
                    + "student next time. Choose a folder outside " + from + ".");
            return Main.CANNOT_GRADE;
        }
        String unusable = prepareOutput(to);
        if (unusable != null) {
            System.err.println("pglabs: " + unusable);
            return Main.CANNOT_GRADE;
        }
        ClassRoster roster = ClassRoster.scan(from, course);
        roster.skipped().forEach(line -> System.err.println("pglabs: skipped " + Terminal.safe(line)));
        if (roster.students().isEmpty()) {
            System.err.println("pglabs: " + from + " has no student folders. Put each student's work in a "
                    + "sub-folder of its own (a copy of labs/, or a clone of the student's repository).");
            return Main.CANNOT_GRADE;
        }

        PrintStream err = System.err;
        ClassResult result;
        try (GradingSession session = GradingSession.open(course, new Submission(from), database.provider())
                .sandboxPolicy(sandbox.forOthers())) {
            err.println("Grading " + roster.students().size() + " students in " + from + ", labs "
                    + String.join(" ", selected.stream().map(Lab::id).toList()) + ", " + jobs
                    + (jobs == 1 ? " job" : " jobs") + " — database: " + session.farm().server().description());
            if (!LabServices.started(session, selected)) {
                return Main.CANNOT_GRADE;
            }
            ClassProgressLine progress = new ClassProgressLine(err, System.console() != null);
            result = new ClassGrading(session, selected, jobs).grade(roster.students(), progress);
            progress.done(result);
        }

        Map<String, String> files = ReportFileNames.assign(result.students().stream().map(StudentResult::name).toList());
        Map<String, String> links = new LinkedHashMap<>();
        for (StudentResult student : result.students()) {
            String base = files.get(student.name());
            if (student.result().isPresent()) {
                JsonReport.write(student.result().get(), to.resolve(STUDENTS).resolve(base + ".json"));
                FeedbackPage.write(student.name(), student.result().get(), to.resolve(STUDENTS).resolve(base + ".html"));
                links.put(student.name(), STUDENTS + "/" + base + ".html");
            }
        }
        GradebookCsv.write(result, to.resolve(GRADEBOOK));
        ClassOverviewPage.write(result, links, to.resolve(OVERVIEW));
        String summary = MarkdownSummary.of(result);
        Files.writeString(to.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        GitHubStepSummary.append(summary, System.getenv())
                .ifPresent(file -> err.println("Summary added to the GitHub job page."));

        System.out.println("Gradebook: " + to.resolve(GRADEBOOK));
        System.out.println("Overview:  " + to.resolve(OVERVIEW));
        System.out.println("Per student: " + to.resolve(STUDENTS) + "/<name>.json and .html");
        for (Student s : roster.students()) {
            if (!s.note().isEmpty()) {
                err.println("note: " + Terminal.safe(s.name()) + ": " + Terminal.safe(s.note()));
            }
        }
        if (!result.notGraded().isEmpty()) {
            err.println("pglabs: " + result.notGraded().size() + " submission(s) could not be graded (the harness "
                    + "failed, not the students):");
            result.notGraded().forEach(s -> err.println("  " + Terminal.safe(s.name()) + ": " + Terminal.safe(s.problem())));
            err.println("Their gradebook cells are empty. Fix the cause and run grade-class again.");
            return Main.CANNOT_GRADE;
        }
        return 0;
    }

    /**
     * Makes {@code dir} ready: created if missing; an earlier run's student reports removed (a student who left
     * the class must not keep a page). Returns why it cannot be used, or null.
     */
    static String prepareOutput(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "--out " + dir + " is a file, not a folder.";
        }
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                empty = !entries.iterator().hasNext();
            }
            if (!empty && !Files.exists(dir.resolve(GRADEBOOK))) {
                return "--out " + dir + " is not empty and holds no earlier gradebook; choose a new or empty folder.";
            }
            Path students = dir.resolve(STUDENTS);
            if (Files.isDirectory(students)) {
                try (DirectoryStream<Path> old = Files.newDirectoryStream(students, "*.{json,html}")) {
                    for (Path file : old) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        Files.createDirectories(dir.resolve(STUDENTS));
        return null;
    }
}
