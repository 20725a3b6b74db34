package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.mutation.MutationAnalysis;
import dev.pglabs.mutation.MutationReport;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pglabs dev mutants LAB}: which realistic wrong answers the lab's checks cannot tell from the reference. */
@Command(name = "mutants", description = {
        "Mutation analysis: grade the mistakes students make (bounds, AND/OR, dropped predicates, joins, DISTINCT, "
                + "counts, aggregates, ordering, LIMIT, NULL tests), applied one at a time to each reference answer "
                + "in solutions/, with the lab's own visible and hidden checks.",
        "A mutant that gets full marks survives: no data of its check tells that mistake apart."})
final class MutantsCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(paramLabel = "LAB", description = "The lab (01, 01-sql-basics).")
    String lab;

    @Option(names = "--check", paramLabel = "ID", description = "Only the reference file of this check (e.g. 03-latest-published).")
    String check;

    @Option(names = "--suggest", description = "Under each survivor, the rows a variant dataset needs to kill it.")
    boolean suggest;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (for tools).")
    Format format = Format.text;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab selected = LabSelection.resolve(course, List.of(lab), spec).get(0);
        if (course.hiddenChecksUnavailable().isPresent()) {
            System.err.println("pglabs: mutation analysis grades solutions/ with every check and cannot run here. "
                    + course.hiddenChecksUnavailable().get());
            return Main.CANNOT_GRADE;
        }
        MutationReport report;
        try (GradingSession session = GradingSession.open(course, new Submission(course.solutionsDir()),
                database.provider())) {
            if (!LabServices.started(session, List.of(selected))) {
                return Main.CANNOT_GRADE;
            }
            report = new MutationAnalysis(session, selected, step -> System.err.println("  " + step))
                    .run(Optional.ofNullable(check));
        }
        if (format == Format.json) {
            if (out == null) {
                Writer stdout = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                report.writeJson(stdout);
                stdout.flush();
            } else {
                try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    report.writeJson(writer);
                }
            }
        } else if (out == null) {
            report.writeText(System.out, suggest);
        } else {
            try (PrintStream stream = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
                report.writeText(stream, suggest);
            }
        }
        return 0;
    }
}
