package dev.pglabs.cli;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.GradeDiff;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.Shard;
import dev.pglabs.classroom.ClassRunManifest;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.reports.ClassOverviewPage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code grade-class --students} and {@code --only-failed}: a few students regraded into an earlier run's reports, and
 * each run's record; and the earlier run a new one replaces in the same folder, for the overview's changes since then.
 */
final class Regrade {

    static final String RUNS = "runs";

    /** The whole class run an {@code --out} folder held before this one, with its students' results. */
    record Earlier(ClassRunManifest manifest, List<StudentResult> results) {

        /** What changed from this earlier run to {@code now}, per student and per check, for the overview. */
        ClassOverviewPage.PreviousRun changesTo(ClassResult now) {
            return new ClassOverviewPage.PreviousRun(manifest.gradedAt(), manifest.graderVersion(),
                    GradeDiff.between(results, now.students()));
        }
    }

    /**
     * The whole class run {@code out} holds, read before this run replaces its files; empty when it holds none (a
     * new folder, or one shard of a class, which is not comparable to a whole run). A run that cannot be read back
     * costs only the overview its changes section, with a warning.
     */
    static Optional<Earlier> earlier(Path out, PrintStream err) {
        if (!Files.isRegularFile(out.resolve(ClassRunManifest.FILE))) {
            return Optional.empty();
        }
        try {
            ClassRunManifest manifest = ClassRunManifest.read(out);
            if (!manifest.parsedShard().equals(new Shard(1, 1))) {
                return Optional.empty();
            }
            return Optional.of(new Earlier(manifest, manifest.results(out.resolve(ClassReportFiles.STUDENTS))));
        } catch (IOException | RuntimeException e) {
            err.println("pglabs: the earlier run in " + out + " cannot be read back (" + e.getMessage() + "); the "
                    + "overview will not show what changed since it.");
            return Optional.empty();
        }
    }

    private Regrade() {
    }

    /** Why these students cannot be regraded into {@code earlier}, or null. */
    static String refusal(ClassRunManifest earlier, List<Lab> labs) {
        if (!earlier.parsedShard().equals(new Shard(1, 1))) {
            return "--out holds shard " + earlier.shard() + " of a class, not a whole run: regrade into the folder "
                    + "merge-grades wrote.";
        }
        if (!earlier.graderVersion().equals(GradingRunner.VERSION)) {
            return "--out was graded by pglabs " + earlier.graderVersion() + " and this is " + GradingRunner.VERSION
                    + ": regrade the whole class, so that every row comes from the same grader.";
        }
        List<String> ids = labs.stream().map(Lab::id).toList();
        if (!earlier.labs().equals(ids)) {
            return "--out graded labs " + String.join(",", earlier.labs()) + "; regrade with the same labs (--labs "
                    + String.join(",", earlier.labs()) + ").";
        }
        return null;
    }

    /** The students {@code earlier} could not grade (the harness failed), for {@code --only-failed}. */
    static List<String> notGraded(ClassRunManifest earlier) {
        return earlier.students().stream().filter(e -> e.report().isEmpty()).map(ClassRunManifest.Entry::name).toList();
    }

    /** The earlier run with the regraded students' results in place of their old ones (new students added). */
    static ClassResult merge(List<StudentResult> earlier, ClassResult regraded) {
        Set<String> names = regraded.students().stream().map(StudentResult::name).collect(Collectors.toSet());
        List<StudentResult> students = new ArrayList<>(regraded.students());
        for (StudentResult kept : earlier) {
            if (!names.contains(kept.name())) {
                students.add(kept);
            }
        }
        students.sort(Comparator.comparing(StudentResult::name, ClassRoster.NAME_ORDER));
        return new ClassResult(regraded.labs(), students, regraded.graderVersion(), regraded.postgresVersion(),
                regraded.gradedAt(), regraded.durationMs());
    }

    /**
     * {@code runs/<when>.json}: who was graded in this run, with what, by which grader; the roster's findings are
     * about the whole class ({@code whole}: the regraded students merged into the earlier run).
     */
    static void record(Shard shard, ClassResult graded, ClassResult whole, CourseRecords records,
                       Map<String, String> files, Path out) throws IOException {
        Path runs = Files.createDirectories(out.resolve(RUNS));
        Path tmp = Files.createTempDirectory(runs, ".run-");
        try {
            ClassRunManifest.of(shard, graded, records, files).withRosterFindings(records, whole).write(tmp);
            String name = graded.gradedAt().replace(':', '-') + ".json";
            Files.move(tmp.resolve(ClassRunManifest.FILE), runs.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp.resolve(ClassRunManifest.FILE));
            Files.deleteIfExists(tmp);
        }
    }
}
