package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.Progress;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.LabResult;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code pglabs watch [LAB]}: re-grades the lab each time one of its files is saved and shows the first exercise not
 * passed yet, with a progress bar for the lab (rustlings' watch mode). The exercise a save touched is graded first, so
 * its result shows before the rest of the lab is graded. When the lab is complete it moves on to the next one once a
 * file of that lab is saved. Ctrl-C ends it.
 */
@Command(name = "watch", description = "Re-grade a lab on every save and show the next exercise to fix.")
final class WatchCommand implements Callable<Integer> {

    /** Editors save in bursts (temp file, rename, chmod): wait this long for the burst to end. */
    static final long SETTLE_MS = 200;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "The lab to watch. Default: the first lab "
            + "you have not completed.")
    String labReference;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab lab = labReference != null ? course.lab(labReference) : firstIncomplete(course);
        try (WatchScreen screen = WatchScreen.open(System.out);
             GradingSession session = GradingSession.open(course, new Submission(course.labsDir()), database.provider())) {
            screen.line("Grading labs/" + lab.folder() + " (database: " + session.farm().server().description()
                    + ") …");
            // Saves re-grade the same submission: its Java lab's worker and classes are kept (see WatchGrading).
            WatchGrading grading = new WatchGrading(session.keepBetweenGradings());
            // One watcher per lab: saves made while a grading runs wait in it for the next round.
            WatchService watcher = watch(course, lab);
            try {
                LabResult result = record(course, grading.all(lab));
                draw(screen, lab, result, List.of());
                while (true) {
                    if (complete(result)) {
                        int index = course.labs().indexOf(lab);
                        if (index + 1 == course.labs().size()) {
                            screen.line("That was the last lab. Congratulations!");
                            return 0;
                        }
                        lab = course.labs().get(index + 1);
                        watcher.close();
                        watcher = watch(course, lab);
                        screen.line("Next: labs/" + lab.folder() + " (its README takes you through it). "
                                + "Save a file there to start.");
                        waitForChange(watcher);
                        result = record(course, grading.all(lab));
                        draw(screen, lab, result, List.of());
                        continue;
                    }
                    Set<String> changed = waitForChange(watcher);
                    result = record(course, regrade(screen, grading, lab, result, changed));
                }
            } finally {
                watcher.close();
            }
        }
    }

    private static WatchService watch(Course course, Lab lab) throws IOException {
        WatchService watcher = FileSystems.getDefault().newWatchService();
        register(watcher, course.labsDir().resolve(lab.folder()));
        return watcher;
    }

    /**
     * Grades what a save changed: the exercises of the saved files first, or for a Java source or a migration the
     * exercise the learner is on (drawn at once), then the rest of the lab (drawn again only if that changes
     * anything); the whole lab at once when every exercise passed before.
     */
    private static LabResult regrade(WatchScreen screen, WatchGrading grading, Lab lab, LabResult before,
                                     Set<String> changed) {
        Optional<Set<String>> exercises = WatchGrading.gradedFirst(before, changed);
        if (exercises.isEmpty()) {
            LabResult after = grading.all(lab);
            draw(screen, lab, after, WatchGrading.newlyPassed(before, after));
            return after;
        }
        LabResult first = grading.only(lab, before, exercises.get()::contains);
        draw(screen, lab, first, WatchGrading.newlyPassed(before, first));
        LabResult after = grading.allBut(lab, first, exercises.get());
        if (!WatchGrading.sameOutcome(first, after)) {
            draw(screen, lab, after, WatchGrading.newlyPassed(before, after));
        }
        return after;
    }

    private static void draw(WatchScreen screen, Lab lab, LabResult result, List<String> justPassed) {
        screen.newFrame();
        screen.report().watchView(result, justPassed, screen.width());
        screen.out().println();
        screen.line("Watching labs/" + lab.folder() + ": save a file to re-grade, Ctrl-C to stop.");
    }

    private static boolean complete(LabResult result) {
        return result.score() == result.max();
    }

    private static LabResult record(Course course, LabResult result) {
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

    /**
     * Blocks until a file under the lab folder changes and the burst of events has settled; returns the names of the
     * files changed. Editors' swap and backup files (dot files, names ending in ~) and build output do not count.
     */
    private static Set<String> waitForChange(WatchService watcher) throws InterruptedException {
        Set<String> changed = new TreeSet<>();
        while (changed.isEmpty()) {
            WatchKey key = watcher.take();
            do {
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path file && counts(file.getFileName().toString())) {
                        changed.add(file.getFileName().toString());
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir
                            && event.context() instanceof Path file && Files.isDirectory(dir.resolve(file))) {
                        register(watcher, dir.resolve(file));  // a new package folder: watch it too
                    }
                }
                key.reset();
                key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
            } while (key != null);
        }
        return changed;
    }

    private static boolean counts(String fileName) {
        return !fileName.startsWith(".") && !fileName.endsWith("~") && !fileName.equals("target");
    }

    /** A folder inside the lab that is neither build output nor hidden (an editor's or Git's). */
    private static boolean counts(Path relative) {
        for (Path name : relative) {
            if (!name.toString().isEmpty() && !counts(name.toString())) {
                return false;
            }
        }
        return true;
    }

    /** Watches the folder and its sub-folders (Java labs keep sources in src/main/java/…), not build output. */
    private static void register(WatchService watcher, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> counts(dir.relativize(d))).toList()) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not watch " + dir + ": " + e.getMessage(), e);
        }
    }
}
