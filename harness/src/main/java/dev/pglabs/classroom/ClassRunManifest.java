package dev.pglabs.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.reports.JsonReport;
import dev.pglabs.results.SubmissionResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a class run writes beside its reports, {@code class-run.json}: which shard of the class ({@code 1/1} when
 * not sharded), which grader and labs, and each of its students with their report file (or why they could not be
 * graded). {@code merge-grades} joins shards with it, and {@code grade-class --students} regrades a few students into
 * an earlier run's reports.
 */
public record ClassRunManifest(String shard, String graderVersion, String postgresVersion, List<String> labs,
                               String gradedAt, long durationMs, List<Entry> students, List<ClassRoster.Skipped> skipped,
                               List<String> notInRoster, List<String> withoutSubmission) {

    public static final String FILE = "class-run.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One student of the shard.
     *
     * @param report  the base name of their {@code students/<report>.json}, empty when not graded
     * @param problem  why the harness could not grade them, empty when graded
     * @param handedIn when each lab was handed in (absent in runs of older versions)
     */
    public record Entry(String name, String note, String report, String problem,
                        Map<String, SubmissionTime> handedIn) {
    }

    public ClassRunManifest {
        labs = List.copyOf(labs);
        students = List.copyOf(students);
        // Absent in the records of older versions.
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        notInRoster = notInRoster == null ? List.of() : List.copyOf(notInRoster);
        withoutSubmission = withoutSubmission == null ? List.of() : List.copyOf(withoutSubmission);
    }

    public static ClassRunManifest of(Shard shard, ClassResult result, Map<String, String> reportFiles) {
        return of(shard, result, CourseRecords.NONE, reportFiles);
    }

    /**
     * The record of a run, with the class folder's entries that are not students and, with a roster, the folders
     * it does not know and its students without a submission.
     */
    public static ClassRunManifest of(Shard shard, ClassResult result, CourseRecords records,
                                   Map<String, String> reportFiles) {
        List<Entry> entries = new ArrayList<>();
        for (StudentResult s : result.students()) {
            entries.add(new Entry(s.name(), s.student().note(), s.result().isPresent() ? reportFiles.get(s.name()) : "",
                    s.problem(), s.handedIn()));
        }
        return new ClassRunManifest(shard.toString(), result.graderVersion(), result.postgresVersion(),
                result.labs().stream().map(Lab::id).toList(), result.gradedAt(), result.durationMs(), entries,
                records.skipped(), records.notInRoster(result), records.withoutSubmission(result));
    }

    /** This record with the roster's findings about {@code whole} (a regrade records its few students, not the class). */
    public ClassRunManifest withRosterFindings(CourseRecords records, ClassResult whole) {
        return new ClassRunManifest(shard, graderVersion, postgresVersion, labs, gradedAt, durationMs, students, skipped,
                records.notInRoster(whole), records.withoutSubmission(whole));
    }

    public void write(Path dir) throws IOException {
        MAPPER.writeValue(dir.resolve(FILE).toFile(), this);
    }

    public static ClassRunManifest read(Path dir) throws IOException {
        return MAPPER.readValue(dir.resolve(FILE).toFile(), ClassRunManifest.class);
    }

    public Shard parsedShard() {
        return Shard.parse(shard);
    }

    /** The shard's students as a class run has them, their results read back from {@code studentsDir}. */
    public List<StudentResult> results(Path studentsDir) throws IOException {
        List<StudentResult> results = new ArrayList<>();
        for (Entry e : students) {
            Student student = new Student(e.name(), Path.of(e.name()), Path.of(e.name()), e.note());
            if (e.report().isEmpty()) {
                results.add(StudentResult.notGraded(student, e.problem()));
            } else {
                SubmissionResult result = JsonReport.read(studentsDir.resolve(e.report() + ".json"));
                results.add(StudentResult.graded(student, result, e.handedIn()));
            }
        }
        return results;
    }

    public List<Lab> labsOf(Course course) {
        return labs.stream().map(course::lab).toList();
    }
}
