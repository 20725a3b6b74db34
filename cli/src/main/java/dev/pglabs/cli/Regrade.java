package dev.pglabs.cli;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.Shard;
import dev.pglabs.classroom.ShardManifest;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code grade-class --students} and {@code --only-failed}: a few students regraded into an earlier run's reports, and each run's record. */
final class Regrade {

    static final String RUNS = "runs";

    private Regrade() {
    }

    /** Why these students cannot be regraded into {@code earlier}, or null. */
    static String refusal(ShardManifest earlier, List<Lab> labs) {
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
    static List<String> notGraded(ShardManifest earlier) {
        return earlier.students().stream().filter(e -> e.report().isEmpty()).map(ShardManifest.Entry::name).toList();
    }

    /** The earlier run with the regraded students' results in place of their old ones (new students added). */
    static ClassResult merge(ShardManifest earlier, Path out, ClassResult regraded) throws IOException {
        Set<String> names = regraded.students().stream().map(StudentResult::name).collect(Collectors.toSet());
        List<StudentResult> students = new ArrayList<>(regraded.students());
        for (StudentResult kept : earlier.results(out.resolve(ClassReportFiles.STUDENTS))) {
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
            ShardManifest.of(shard, graded, records, files).withRosterFindings(records, whole).write(tmp);
            String name = graded.gradedAt().replace(':', '-') + ".json";
            Files.move(tmp.resolve(ShardManifest.FILE), runs.resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp.resolve(ShardManifest.FILE));
            Files.deleteIfExists(tmp);
        }
    }
}
