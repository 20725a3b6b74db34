package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.Progress;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.reports.ConsoleReport;
import dev.pglabs.results.LabResult;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code pglabs watch [LAB]}: re-grades the lab each time one of its files is saved and shows the next check
 * to fix (rustlings' watch mode). When the lab is complete it moves on to the next one. Ctrl-C ends it.
 */
@Command(name = "watch", description = "Re-grade a lab on every save and show the next check to fix.")
final class WatchCommand implements Callable<Integer> {

    /** Editors save in bursts (temp file, rename, chmod): wait this long for the burst to end. */
    private static final long SETTLE_MS = 300;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "The lab to watch. Default: the first lab "
            + "you have not completed.")
    String labReference;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab lab = labReference != null ? course.lab(labReference) : firstIncomplete(course);
        ConsoleReport console = new ConsoleReport(System.out, System.console() != null && System.getenv("NO_COLOR") == null);
        // The learner's practice loop: visible checks only (hidden ones are for the instructor's grading).
        GradingRunner runner = new GradingRunner(CheckScope.VISIBLE);
        try (GradingSession session = GradingSession.open(course, new Submission(course.labsDir()), database.provider());
             WatchService watcher = FileSystems.getDefault().newWatchService()) {
            System.out.println("Watching labs/" + lab.folder() + " (database: " + session.farm().server().description()
                    + "). Save a file to re-grade; Ctrl-C to stop.");
            while (true) {
                LabResult result = grade(runner, session, course, lab);
                System.out.println();
                console.nextStep(result);
                if (result.score() == result.max()) {
                    int index = course.labs().indexOf(lab);
                    if (index + 1 < course.labs().size()) {
                        lab = course.labs().get(index + 1);
                        System.out.println("On to " + lab.folder() + ": read labs/" + lab.folder() + "/README.md.");
                        continue;
                    }
                    System.out.println("That was the last lab. Congratulations!");
                    return 0;
                }
                waitForChange(watcher, course.labsDir().resolve(lab.folder()));
            }
        }
    }

    private static LabResult grade(GradingRunner runner, GradingSession session, Course course, Lab lab) {
        LabResult result = runner.grade(session, List.of(lab), GradingProgress.SILENT).labs().get(0);
        Progress progress = Progress.load(course);
        progress.recordResult(result);
        progress.save();
        return result;
    }

    private static Lab firstIncomplete(Course course) {
        Progress progress = Progress.load(course);
        return course.labs().stream()
                .filter(l -> progress.lastResult(l).map(r -> r.score() < r.max()).orElse(true))
                .findFirst().orElse(course.labs().get(0));
    }

    /** Blocks until a file under the lab folder changes and the burst of events has settled. */
    private static void waitForChange(WatchService watcher, Path labDir) throws IOException, InterruptedException {
        register(watcher, labDir);
        WatchKey key = watcher.take();
        do {
            key.pollEvents();
            key.reset();
            key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
        } while (key != null);
    }

    /** Watches the folder and its sub-folders (Java labs keep sources in src/main/java/…). */
    private static void register(WatchService watcher, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }
}
