package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.LabHints;
import dev.pglabs.course.Progress;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code pglabs hint LAB [EXERCISE]}: one more hint each time it is asked, from a nudge to a specific hint
 * (rustlings' way). Without an exercise: the first one your last grading did not pass.
 */
@Command(name = "hint", description = "Show the next hint for an exercise (one step more specific each time).")
final class HintCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAB", description = "The lab: 01, sql-basics or 01-sql-basics.")
    String labReference;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXERCISE",
            description = "The exercise: 03, 03-latest-published or its file name. Default: the first one "
                    + "your last './pglabs grade' did not pass.")
    String exercise;

    @Option(names = "--all", description = "Show every hint of the exercise at once.")
    boolean all;

    @Option(names = "--reset", description = "Start this exercise's hints again from the first.")
    boolean reset;

    @Override
    public Integer call() {
        Course course = Course.locate();
        Lab lab = course.lab(labReference);
        LabHints hints = LabHints.read(course.labsDir().resolve(lab.folder()).resolve("README.md"));
        Progress progress = Progress.load(course);
        if (exercise == null && allPassed(progress, lab)) {
            System.out.println("Every check of " + lab.folder() + " passed in your last grading: no hint needed. "
                    + "For an exercise's hints anyway: ./pglabs hint " + labReference + " NN.");
            return 0;
        }
        String wanted = exercise != null ? exercise : firstUnpassed(progress, lab).orElse(null);
        if (wanted == null) {
            // Never graded: the first exercise is the one to start with.
            if (hints.exercises().isEmpty()) {
                System.out.println("Lab " + lab.folder() + " has no hints.");
                return 0;
            }
            wanted = hints.exercises().get(0);
        }
        Optional<Map.Entry<String, List<LabHints.Hint>>> found = hints.forExercise(wanted);
        if (found.isEmpty()) {
            System.err.println("pglabs: no hints for '" + wanted + "' in lab " + lab.folder() + ". Exercises with hints: "
                    + String.join(", ", hints.exercises()));
            return 2;
        }
        String name = found.get().getKey();
        List<LabHints.Hint> levels = found.get().getValue();
        int seen = reset ? 0 : progress.hintsShown(lab, name);
        int show = all ? levels.size() : Math.min(levels.size(), seen + 1);
        System.out.println("Hints for " + lab.folder() + "/" + name + ":");
        for (int i = 0; i < show; i++) {
            LabHints.Hint hint = levels.get(i);
            System.out.println();
            System.out.println("  " + (i + 1) + "/" + levels.size() + " · " + hint.label());
            hint.text().lines().forEach(line -> System.out.println("    " + line));
        }
        System.out.println();
        System.out.println(show < levels.size()
                ? "Still stuck? Run the same command again for a more specific hint."
                : "That was the last hint. The lab's README explains the idea step by step; re-read its section, "
                + "then try a smaller query first and build it up.");
        progress.recordHintsShown(lab, name, show);
        progress.save();
        return 0;
    }

    private static boolean allPassed(Progress progress, Lab lab) {
        return progress.lastResult(lab).map(r -> !r.checks().isEmpty()
                && r.checks().stream().allMatch(c -> c.status() == CheckStatus.PASSED)).orElse(false);
    }

    private static Optional<String> firstUnpassed(Progress progress, Lab lab) {
        return progress.lastResult(lab).flatMap(r -> r.checks().stream()
                .filter(c -> c.status() != CheckStatus.PASSED).map(CheckResult::id).findFirst());
    }
}
