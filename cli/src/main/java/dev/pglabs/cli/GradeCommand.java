package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.Progress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.reports.ConsoleReport;
import dev.pglabs.reports.JsonReport;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs grade}: grade labs of a submission and report the score. */
@Command(name = "grade", description = "Grade labs of a submission (default: your work in labs/).")
final class GradeCommand implements Callable<Integer> {

    enum Format { console, json }

    @Parameters(paramLabel = "LAB", arity = "0..*",
            description = "Labs to grade: 01, 1, sql-basics or 01-sql-basics. Default: all labs.")
    List<String> labs = List.of();

    @Option(names = "--submission", paramLabel = "DIR",
            description = "A folder shaped like labs/ (or one lab folder). Default: labs/ of the course.")
    Path submission;

    @Option(names = "--format", defaultValue = "console", description = "console or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE (JSON) instead of stdout.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        Path dir = submission == null ? course.labsDir() : submission.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            System.err.println("pglabs: the submission folder " + dir + " does not exist.");
            return Main.CANNOT_GRADE;
        }
        boolean jsonToStdout = format == Format.json && out == null;
        // When JSON goes to stdout, progress goes to stderr so the JSON stays parseable.
        PrintStream progressStream = jsonToStdout ? System.err : System.out;
        ConsoleReport console = new ConsoleReport(progressStream, System.console() != null && System.getenv("NO_COLOR") == null);
        progressStream.println("Grading " + dir + " …");
        SubmissionResult result;
        try (GradingSession session = GradingSession.open(course, new Submission(dir), database.provider())) {
            progressStream.println("Database: " + session.farm().server().description());
            result = new GradingRunner().grade(session, selected, console);
        }
        console.summary(result);
        if (dir.equals(course.labsDir())) {
            // The learner's own work: remember it for 'list', 'hint' and 'watch'.
            Progress progress = Progress.load(course);
            result.labs().forEach(progress::recordResult);
            progress.save();
        }
        if (out != null) {
            JsonReport.write(result, out);
            progressStream.println("  result written to " + out);
        } else if (jsonToStdout) {
            JsonReport.write(result, System.out);
        }
        return 0;
    }
}
