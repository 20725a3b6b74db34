package dev.pglabs.cli;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.InvalidCourseFile;
import dev.pglabs.classroom.ClassRunManifest;
import dev.pglabs.classroom.Shard;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code pglabs merge-grades}: joins the outputs of {@code grade-class --shard K/N} into the gradebook, overview,
 * summary and per-student files one unsharded run writes (the same bytes but for the time of grading). Shards from
 * different grader versions or labs, overlapping students or a missing shard are refused before anything is written.
 */
@Command(name = "merge-grades", sortOptions = false,
        description = {"Join the --out folders of 'grade-class --shard K/N' runs into one gradebook, overview and "
                + "per-student reports, as one unsharded run writes them."})
final class MergeGradesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The --out folders of the shards.")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the merged gradebook and reports go (a new or empty folder, or an earlier gradebook's).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Course course = Course.locate();
        List<ClassRunManifest> manifests = new ArrayList<>();
        for (Path dir : shards) {
            if (!Files.isRegularFile(dir.resolve(ClassRunManifest.FILE))) {
                System.err.println("pglabs: " + dir + " holds no " + ClassRunManifest.FILE + "; it is not the --out "
                        + "folder of a 'grade-class' run.");
                return Main.CANNOT_GRADE;
            }
            manifests.add(ClassRunManifest.read(dir));
        }
        String refused = refusal(manifests);
        if (refused != null) {
            System.err.println("pglabs: cannot merge these shards: " + refused + " Nothing was written.");
            return Main.CANNOT_GRADE;
        }
        Path to = out.toAbsolutePath().normalize();
        String unusable = GradeClassCommand.prepareOutput(to);
        if (unusable != null) {
            System.err.println("pglabs: " + unusable);
            return Main.CANNOT_GRADE;
        }

        List<StudentResult> students = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            students.addAll(manifests.get(i).results(shards.get(i).resolve(ClassReportFiles.STUDENTS)));
        }
        students.sort(Comparator.comparing(StudentResult::name, ClassRoster.NAME_ORDER));
        ClassRunManifest first = manifests.get(0);
        List<Lab> labs = first.labsOf(course);
        // The class was graded in parallel: it took as long as its slowest shard, and ended with its last one.
        long duration = manifests.stream().mapToLong(ClassRunManifest::durationMs).max().orElse(0);
        String gradedAt = manifests.stream().map(ClassRunManifest::gradedAt).max(Comparator.naturalOrder()).orElseThrow();
        ClassResult result = new ClassResult(labs, students, first.graderVersion(), first.postgresVersion(), gradedAt,
                duration);
        CourseRecords records;
        try {
            // Every shard was graded with the same command from the same class folder: the first one's policy,
            // roster and skipped entries are the class's.
            records = ClassReportFiles.records(kept(ClassReportFiles.POLICY), kept(ClassReportFiles.ROSTER), false,
                    course, to).withSkipped(first.skipped());
        } catch (InvalidCourseFile e) {
            System.err.println("pglabs: the copy kept in " + shards.get(0) + " cannot be used: " + e.getMessage());
            return Main.CANNOT_GRADE;
        }
        Map<String, String> files = ClassReportFiles.write(result, records, to, System.err);
        // The merged folder is one whole run: grade-class --students can regrade into it.
        ClassRunManifest.of(new Shard(1, 1), result, records, files).write(to);
        ClassReportFiles.keep(kept(ClassReportFiles.POLICY), kept(ClassReportFiles.ROSTER), to);
        System.err.println("Merged " + manifests.size() + " shards: " + students.size() + " students.");
        ClassReportFiles.printWhere(to);
        if (!result.notGraded().isEmpty()) {
            System.err.println("pglabs: " + result.notGraded().size() + " submission(s) could not be graded; their "
                    + "gradebook cells are empty (the shards' logs say why).");
            return Main.CANNOT_GRADE;
        }
        return 0;
    }

    /** The first shard's copy of a policy or roster file, or null. */
    private Path kept(String name) {
        Path file = shards.get(0).resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    /** Why these shards do not make one class run, or null when they do. */
    static String refusal(List<ClassRunManifest> manifests) {
        ClassRunManifest first = manifests.get(0);
        int count = first.parsedShard().count();
        Map<Integer, ClassRunManifest> byIndex = new TreeMap<>();
        Map<String, String> shardOfStudent = new TreeMap<>();
        for (ClassRunManifest m : manifests) {
            if (!m.graderVersion().equals(first.graderVersion())) {
                return "they were graded by different pglabs versions (" + first.graderVersion() + " and "
                        + m.graderVersion() + "). Grade every shard with the same version.";
            }
            if (!m.labs().equals(first.labs())) {
                return "they graded different labs (" + String.join(",", first.labs()) + " and "
                        + String.join(",", m.labs()) + ").";
            }
            if (m.parsedShard().count() != count) {
                return "they split the class differently (shard " + first.shard() + " and shard " + m.shard() + ").";
            }
            if (byIndex.put(m.parsedShard().index(), m) != null) {
                return "shard " + m.shard() + " is given twice.";
            }
            for (ClassRunManifest.Entry e : m.students()) {
                String other = shardOfStudent.put(e.name(), m.shard());
                if (other != null) {
                    return "student '" + Terminal.safe(e.name()) + "' is in shard " + other + " and in shard "
                            + m.shard() + " (were the shards graded from different class folders?).";
                }
            }
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int k = 1; k <= count; k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            return "shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ",
                    missing.stream().map(k -> k + "/" + count).toList()) + " " + (missing.size() == 1 ? "is" : "are")
                    + " missing.";
        }
        return null;
    }
}
