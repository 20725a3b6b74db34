package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs verify}: the course checks itself — every solution full marks, every starter zero. */
@Command(name = "verify", description = "Check the course itself: solutions/ must get full marks, the untouched labs/ zero.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LAB", arity = "0..*", description = "Labs to verify. Default: all.")
    List<String> labs = List.of();

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        if (course.hiddenChecksUnavailable().isPresent()) {
            System.err.println("pglabs: verify (it grades solutions/ with every check) is for instructors and cannot run here. "
                    + course.hiddenChecksUnavailable().get());
            return Main.CANNOT_GRADE;
        }
        boolean ok = true;
        try (GradingSession solutions = GradingSession.open(course, new Submission(course.solutionsDir()), database.provider())) {
            GradingRunner runner = new GradingRunner().labsAtOnce(GradingRunner.defaultParallelism());
            SubmissionResult reference = runner.grade(solutions, selected, GradingProgress.SILENT);
            SubmissionResult starters = runner.grade(solutions.forSubmission(new Submission(course.labsDir())),
                    selected, GradingProgress.SILENT);
            System.out.printf("%-24s %-12s %-12s%n", "lab", "solutions", "starters");
            for (int i = 0; i < selected.size(); i++) {
                LabResult sol = reference.labs().get(i);
                LabResult start = starters.labs().get(i);
                boolean labOk = sol.score() == sol.max() && start.score() == 0 && sol.max() > 0;
                ok &= labOk;
                System.out.printf("%-24s %-12s %-12s %s%n", sol.id(),
                        Scores.format(sol.score()) + "/" + Scores.format(sol.max()),
                        Scores.format(start.score()) + "/" + Scores.format(start.max()), labOk ? "ok" : "BROKEN");
                sol.checks().stream().filter(c -> c.status() != CheckStatus.PASSED).forEach(c ->
                        System.out.println("    solution fails " + c.id() + ": " + c.feedback().lines().findFirst().orElse("")));
                start.checks().stream().filter(c -> c.points() > 0).forEach(c ->
                        System.out.println("    starter scores on " + c.id()));
            }
        }
        System.out.println(ok ? "The course is consistent." : "The course is broken: see above.");
        return ok ? 0 : 1;
    }
}
