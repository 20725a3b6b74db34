package dev.pglabs.cli;

import dev.pglabs.classroom.GradeDiff;
import dev.pglabs.classroom.ClassRunManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs grade-diff OLD NEW}: per student and per check, what changed between two class runs. */
@Command(name = "grade-diff",
        description = {"Show per student and per check what changed between two grade-class runs (their --out "
                + "folders): after a grader fix, a regrade or a late submission."})
final class GradeDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD_DIR", description = "The earlier run's --out folder.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "The later run's --out folder.")
    Path after;

    @Override
    public Integer call() throws IOException {
        for (Path dir : List.of(before, after)) {
            if (!Files.isRegularFile(dir.resolve(ClassRunManifest.FILE))) {
                System.err.println("pglabs: " + dir + " holds no " + ClassRunManifest.FILE + "; it is not the --out "
                        + "folder of a 'grade-class' run.");
                return Main.CANNOT_GRADE;
            }
        }
        ClassRunManifest old = ClassRunManifest.read(before);
        ClassRunManifest now = ClassRunManifest.read(after);
        System.out.println("From " + before + " (pglabs " + old.graderVersion() + ", " + old.gradedAt() + ")");
        System.out.println("  to " + after + " (pglabs " + now.graderVersion() + ", " + now.gradedAt() + ")");
        if (!old.labs().equals(now.labs())) {
            System.out.println("Labs: " + String.join(",", old.labs()) + " then " + String.join(",", now.labs()));
        }
        List<GradeDiff.StudentChanges> diff = GradeDiff.between(old.results(before.resolve(ClassReportFiles.STUDENTS)),
                now.results(after.resolve(ClassReportFiles.STUDENTS)));
        int checks = 0;
        for (GradeDiff.StudentChanges student : diff) {
            System.out.println();
            System.out.println(Terminal.safe(student.name()) + (student.note().isEmpty() ? ""
                    : ": " + Terminal.safe(student.note())));
            for (GradeDiff.Change c : student.changes()) {
                System.out.println("  " + c.lab() + " " + c.check() + ": " + c.before() + " -> " + c.after());
                checks++;
            }
        }
        System.out.println();
        System.out.println(diff.isEmpty() ? "No student's result changed."
                : diff.size() + (diff.size() == 1 ? " student" : " students") + " changed, " + checks
                + (checks == 1 ? " check." : " checks."));
        return 0;
    }
}
