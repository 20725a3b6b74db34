package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.notebook.JShellLauncher;
import dev.pglabs.notebook.NotebookOptions;
import dev.pglabs.notebook.NotebookSession;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs jshell LAB}: the real jshell, started like the notebook (class path, lab database, helpers). */
@Command(name = "jshell",
        description = {"Open jshell on a fresh database of a lab, with the notebook's helpers: sql(\"…\"), "
                + "query(\"…\"), explain(\"…\"), connection(), check(), and next(), run(n), where() to step "
                + "through the lab's README (Java cells are handed to jshell's /open).",
                "The database lives as long as jshell; /exit leaves."})
final class JshellCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LAB", description = "The lab: 01, 1, sql-basics or 01-sql-basics.")
    String lab;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time limit of one SQL statement run by the helpers. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab selected = LabSelection.resolve(course, List.of(lab), spec).get(0);
        NotebookOptions options = NotebookOptions.defaults()
                .withCellTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        System.err.println("Preparing a fresh database for " + selected.folder() + " …");
        try (GradingSession grading = GradingSession.open(course, new Submission(course.labsDir()), database.provider());
             NotebookSession session = NotebookSession.open(grading, selected,
                     NotebookSession.readme(course, selected), options, false)) {
            return JShellLauncher.start(session, System.out);
        }
    }
}
