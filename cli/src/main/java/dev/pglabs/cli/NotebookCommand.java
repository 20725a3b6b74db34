package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.notebook.BatchModes;
import dev.pglabs.notebook.CellResult;
import dev.pglabs.notebook.InteractiveMode;
import dev.pglabs.notebook.LineInput;
import dev.pglabs.notebook.Notebook;
import dev.pglabs.notebook.NotebookBench;
import dev.pglabs.notebook.NotebookOptions;
import dev.pglabs.notebook.NotebookParser;
import dev.pglabs.notebook.NotebookSession;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs notebook LAB}: the lab's README as a runnable notebook (docs/notebooks.md). */
@Command(name = "notebook", sortOptions = false,
        description = {"Run a lab's README as a notebook: its ```sql and ```java cells, in order, on a fresh "
                + "database of the lab (as your student role).",
                "",
                "Interactive (default): the lesson's text rendered for the terminal, a section at a time (space "
                        + "for more), then each cell. Enter runs it (after an error: retries it), e opens it in "
                        + "the line editor and Enter runs the edit (the README is not changed), s skips it, "
                        + "b goes back a cell, r opens the REPL, q quits. After the last cell the REPL opens.",
                "",
                "The REPL reads SQL (prompt sql>) or Java (prompt java>) on the same database and JShell state. "
                        + "SQL runs when a line ends with ';'; Java when the snippet is complete. Commands: "
                        + "\\sql and \\java switch language, \\sql SELECT …; runs one statement, \\check grades "
                        + "your exercises (visible checks), \\cells lists the cells, \\run N runs cell N, "
                        + "\\help, \\q.",
                "",
                "Java cells have helpers: sql(\"…\") prints results like psql, query(\"…\") returns them, "
                        + "explain(\"…\") prints a plan, connection() is the JDBC connection, check() grades "
                        + "your exercises.",
                "",
                "Cells marked ```sql skip are not run; ```sql error must fail. Outputs are recorded under each "
                        + "cell between <!-- pglabs:output --> markers."})
final class NotebookCommand implements Callable<Integer> {

    static final class Mode {
        @Option(names = "--run", description = "Run every cell and write the outputs into the README.")
        boolean run;

        @Option(names = "--check", description = "Run every cell and compare with the recorded outputs (CI): "
                + "exit 1 on any difference, missing output or unexpected error.")
        boolean check;

        @Option(names = "--bench", description = "Measure time to the first output, cell latency and plain "
                + "jshell start-up.")
        boolean bench;
    }

    @Parameters(paramLabel = "LAB", description = "The lab: 01, 1, sql-basics or 01-sql-basics.")
    String lab;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time limit of one cell; a slower cell is stopped and reported. Default: ${DEFAULT-VALUE}.")
    double timeoutSeconds;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + NotebookOptions.DEFAULT_ROWS,
            description = "Rows shown of a query result. Default: ${DEFAULT-VALUE}.")
    int maxRows;

    @Option(names = "--file", paramLabel = "FILE",
            description = "Run this Markdown file instead of the lab's README (on the lab's database).")
    Path file;

    @Option(names = "--submission", paramLabel = "DIR",
            description = "Whose answers check() grades. Default: labs/ of the course.")
    Path submission;

    @Option(names = "--iterations", defaultValue = "30", description = "Samples per --bench measurement. "
            + "Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Course course = Course.locate();
        Lab selected = LabSelection.resolve(course, List.of(lab), spec).get(0);
        Notebook notebook = file == null ? NotebookSession.readme(course, selected)
                : NotebookParser.read(file, NotebookSession.displayName(course, file));
        NotebookOptions options = new NotebookOptions(Duration.ofMillis(Math.round(timeoutSeconds * 1000)), maxRows);
        Path answers = submission == null ? course.labsDir() : submission.toAbsolutePath().normalize();
        boolean interactive = !mode.run && !mode.check && !mode.bench;
        if (interactive) {
            System.err.println("Preparing a fresh database for " + selected.folder() + " …");
        }
        try (GradingSession grading = GradingSession.open(course, new Submission(answers), database.provider())) {
            if (mode.bench) {
                System.out.println("pglabs notebook --bench · " + notebook.displayName() + " · "
                        + grading.farm().server().description());
                NotebookBench.run(() -> NotebookSession.open(grading, selected, notebook, options), started,
                        iterations, System.out);
                return 0;
            }
            try (NotebookSession session = NotebookSession.open(grading, selected, notebook, options)) {
                if (mode.run) {
                    List<CellResult> results = BatchModes.run(session, System.out);
                    return results.stream().allMatch(CellResult::asExpected) ? 0 : 1;
                }
                if (mode.check) {
                    return BatchModes.print(notebook, BatchModes.check(session), System.out);
                }
                try (LineInput input = LineInput.forConsole(System.out)) {
                    boolean color = input.ansi() && System.getenv("NO_COLOR") == null;
                    new InteractiveMode(session, input, System.out, color).run();
                }
                return 0;
            }
        }
    }

}
