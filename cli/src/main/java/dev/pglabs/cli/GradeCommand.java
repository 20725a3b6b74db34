package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.Progress;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.worker.SandboxPolicy;
import dev.pglabs.reports.ClassroomReport;
import dev.pglabs.reports.ConsoleReport;
import dev.pglabs.reports.GitHubStepSummary;
import dev.pglabs.reports.GradescopeReport;
import dev.pglabs.reports.JUnitXmlReport;
import dev.pglabs.reports.JsonReport;
import dev.pglabs.reports.MarkdownSummary;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;
import dev.pglabs.submission.SubmissionLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs grade}: grade labs of a submission and report the score. */
@Command(name = "grade", description = "Grade labs of a submission (default: your work in labs/).")
final class GradeCommand implements Callable<Integer> {

    /** What the result is written as (to --out, or to standard output). */
    enum Format { console, json, junit, gradescope, classroom }

    @Parameters(paramLabel = "LAB", arity = "0..*",
            description = "Labs to grade: 01, 1, sql-basics or 01-sql-basics. Default: all labs.")
    List<String> labs = List.of();

    @Option(names = "--submission", paramLabel = "DIR",
            description = "A folder shaped like labs/, one lab folder, or a clone of a student repository (labs/ is "
                    + "found inside). Default: labs/ of the course.")
    Path submission;

    @Option(names = "--format", defaultValue = "console", paramLabel = "console|json|junit|gradescope|classroom",
            description = "console, json (docs/results-json.md), junit (JUnit XML), gradescope (Gradescope's "
                    + "results.json) or classroom (a GitHub Classroom runner result). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the result to FILE instead of stdout (JSON when the format is console).")
    Path out;

    @Option(names = "--all",
            description = "For instructors: run the hidden checks too, on their hidden data (the full course repository "
                    + "only; a student release has neither). Without it only the visible checks run, the score is out of "
                    + "their points, and the report says how many hidden checks the instructor grades.")
    boolean all;

    @Mixin
    DatabaseOptions database;

    @Mixin
    SandboxOptions sandbox;

    @Spec
    CommandSpec spec;

    private void write(SubmissionResult result, Path file) throws IOException {
        switch (format) {
            case console, json -> JsonReport.write(result, file);
            case junit -> JUnitXmlReport.write(result, file);
            case gradescope -> GradescopeReport.write(result, file);
            case classroom -> ClassroomReport.write(result, file);
        }
    }

    private void write(SubmissionResult result, OutputStream stdout) throws IOException {
        switch (format) {
            case console, json -> JsonReport.write(result, stdout);
            case junit -> JUnitXmlReport.write(result, stdout);
            case gradescope -> GradescopeReport.write(result, stdout);
            case classroom -> ClassroomReport.write(result, stdout);
        }
    }

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        CheckScope scope = all ? CheckScope.ALL : CheckScope.VISIBLE;
        if (all && course.hiddenChecksUnavailable().isPresent()) {
            System.err.println("pglabs: --all cannot run here. " + course.hiddenChecksUnavailable().get());
            return Main.CANNOT_GRADE;
        }
        // --all grades for the instructor: student Java runs in the OS sandbox or not at all (unless told otherwise).
        SandboxPolicy policy = all ? sandbox.forOthers() : SandboxPolicy.PREFER;
        if (!SandboxOptions.permits(policy, selected)) {
            return Main.CANNOT_GRADE;
        }
        Path given = submission == null ? course.labsDir() : submission.toAbsolutePath().normalize();
        if (!Files.isDirectory(given)) {
            System.err.println("pglabs: the submission folder " + given + " does not exist.");
            return Main.CANNOT_GRADE;
        }
        // A clone of the whole student repository works too: the labs are found inside.
        SubmissionLocator.Located located = SubmissionLocator.locate(given, selected.stream().map(Lab::folder).toList());
        Path dir = located.root();
        boolean reportToStdout = format != Format.console && out == null;
        // When a report goes to stdout, progress goes to stderr so the report stays parseable.
        PrintStream progressStream = reportToStdout ? System.err : System.out;
        ConsoleReport console = new ConsoleReport(progressStream, Terminal.colour());
        progressStream.println("Grading " + dir + (all ? " (all checks, hidden ones included)" : " (visible checks)")
                + " …");
        if (!located.note().isEmpty()) {
            progressStream.println("  (" + located.note() + ")");
        }
        SubmissionResult result;
        try (GradingSession session = GradingSession.open(course, new Submission(dir), database.provider())
                .sandboxPolicy(policy)) {
            progressStream.println("Database: " + session.farm().server().description());
            if (!LabServices.started(session, selected)) {
                return Main.CANNOT_GRADE;
            }
            // Labs side by side: one submission fills the cores of a laptop (see GradingRunner.defaultParallelism).
            result = new GradingRunner(scope).labsAtOnce(GradingRunner.defaultParallelism())
                    .grade(session, selected, console);
        }
        console.summary(result);
        if (dir.equals(course.labsDir()) && !all) {
            // The learner's own work: remember it for 'list', 'hint' and 'watch'.
            Progress progress = Progress.load(course);
            result.labs().forEach(progress::recordResult);
            progress.save();
        }
        if (out != null) {
            write(result, out);
            progressStream.println("  result written to " + out);
        } else if (reportToStdout) {
            write(result, System.out);
        }
        GitHubStepSummary.append(MarkdownSummary.of(result), System.getenv())
                .ifPresent(file -> progressStream.println("  summary added to the GitHub job page"));
        return 0;
    }
}
