package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.Progress;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pglabs list}: the labs in course order, with your progress from your last grading of each. */
@Command(name = "list", description = "List the labs in course order, with your progress.")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Course course = Course.locate();
        Progress progress = Progress.load(course);
        System.out.println(course.title());
        System.out.println();
        System.out.printf("  %-24s %-24s %-10s %s%n", "lab", "title", "progress", "teaches");
        Lab next = null;
        for (Lab lab : course.labs()) {
            Optional<LabResult> last = progress.lastResult(lab);
            String state = last.map(r -> (r.score() == r.max() ? "✓ " : "") + Scores.format(r.score()) + "/"
                    + Scores.format(r.max())).orElse("—");
            boolean present = Files.isDirectory(course.labsDir().resolve(lab.folder()));
            System.out.printf("  %-24s %-24s %-10s %s%s%n", lab.folder(), lab.title(), state, lab.teaches(),
                    present ? "" : "  (folder missing)");
            last.map(LabResult::cap).ifPresent(cap -> System.out.printf("  %-24s %s%n", "", cap.reason()));
            if (next == null && last.map(r -> r.score() < r.max()).orElse(true)) {
                next = lab;
            }
        }
        System.out.println();
        if (next != null) {
            System.out.println("Next: read labs/" + next.folder() + "/README.md, then ./pglabs grade " + next.id()
                    + "   (./pglabs watch " + next.id() + " re-grades on every save)");
        } else {
            System.out.println("Every lab is complete. Well done!");
        }
        return 0;
    }
}
