package dev.pglabs.cli;

import dev.pglabs.classroom.ClassGrading;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.CourseRecords;
import dev.pglabs.classroom.InvalidCourseFile;
import dev.pglabs.classroom.Shard;
import dev.pglabs.classroom.ClassRunManifest;
import dev.pglabs.classroom.Student;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code pglabs grade-class}: grades every student of a class in one process (one server, one set of templates)
 * and writes the gradebook, a JSON result and a feedback page per student, and the class overview.
 */
@Command(name = "grade-class", sortOptions = false,
        description = {"Grade a whole class: every sub-folder of SUBMISSIONS is one student (a copy of labs/, "
                + "or a clone of the student repository).",
                "Writes to DIR: gradebook.csv, overview.html, summary.md, and students/<name>.json + .html; with "
                        + "--roster also canvas-grades.csv and moodle-grades.csv."})
final class GradeClassCommand implements Callable<Integer> {

    static final String GRADEBOOK = ClassReportFiles.GRADEBOOK;
    static final String OVERVIEW = ClassReportFiles.OVERVIEW;
    static final String SUMMARY = ClassReportFiles.SUMMARY;
    static final String STUDENTS = ClassReportFiles.STUDENTS;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "The folder with one sub-folder per student.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where the gradebook and reports go (created; an earlier run's reports are replaced).")
    Path out;

    @Option(names = "--labs", paramLabel = "LAB", split = ",",
            description = "Labs to grade, e.g. --labs 01,03 (default: all labs).")
    List<String> labs = List.of();

    @Option(names = "--jobs", paramLabel = "N",
            description = "Students graded at the same time. The results do not depend on it. Default: one more than "
                    + "the processors (3 on 2 cores).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = {"Grade only the K-th of N parts of the class (1 ≤ K ≤ N), for parallel CI jobs; "
                    + "join the parts with merge-grades. Parts are balanced by expected work and stable when the "
                    + "class changes a little."})
    Shard shard;

    @Option(names = "--students", paramLabel = "NAME", split = ",",
            description = {"Regrade only these students (folder names, e.g. --students ana,bo) into the earlier "
                    + "run's --out: their rows and reports are replaced, everyone else's stay as they are."})
    List<String> only = List.of();

    @Option(names = "--only-failed",
            description = {"Regrade only the students the earlier run in --out could not grade (pglabs failed, not "
                    + "the students), e.g. after fixing a broken server; everyone else's files stay as they are."})
    boolean onlyFailed;

    @Option(names = "--policy", paramLabel = "FILE",
            description = {"The course's grading policy (JSON): each lab's points or weight and deadline, the late "
                    + "penalty, a grace period. The gradebook then has late days, penalty and final points. Kept in "
                    + "DIR as grading.json; a regrade into DIR applies it again."})
    Path policy;

    @Option(names = "--roster", paramLabel = "FILE.csv",
            description = {"The class list (CSV: github,id,name,email): the gradebook gets each student's id, name "
                    + "and e-mail, and the LMS files can name them. Folders not in it and its students without a "
                    + "folder are listed. Kept in DIR as roster.csv."})
    Path rosterFile;

    @Option(names = "--similarity",
            description = {"Also write similarity.html and similarity.json: answers that are alike in a way that is "
                    + "rare in the class, for you to look at (a hint, never a penalty; see docs/instructors.md)."})
    boolean similarity;

    @Mixin
    DatabaseOptions database;

    @Mixin
    SandboxOptions sandbox;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        if (course.hiddenChecksUnavailable().isPresent()) {
            System.err.println("pglabs: grade-class (instructor grading runs the hidden checks) is for instructors and cannot run here. "
                    + course.hiddenChecksUnavailable().get());
            return Main.CANNOT_GRADE;
        }
        if (!SandboxOptions.permits(sandbox.forOthers(), selected)) {
            return Main.CANNOT_GRADE;
        }
        if (jobs != null && jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be 1 or more.");
        }
        Path from = submissions.toAbsolutePath().normalize();
        Path to = out.toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            System.err.println("pglabs: the submissions folder " + from + " does not exist.");
            return Main.CANNOT_GRADE;
        }
        if (to.startsWith(from)) {
            System.err.println("pglabs: --out " + to + " is inside the submissions folder; it would be graded as a "
                    + "student next time. Choose a folder outside " + from + ".");
            return Main.CANNOT_GRADE;
        }
        // Read before this run replaces the folder's files: the overview shows what changed since.
        Optional<Regrade.Earlier> before = shard == null ? Regrade.earlier(to, System.err) : Optional.empty();
        if (onlyFailed && !only.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--only-failed picks the students itself; give it or --students, not both.");
        }
        boolean regrade = onlyFailed || !only.isEmpty();
        CourseRecords records;
        try {
            records = ClassReportFiles.records(policy, rosterFile, regrade, course, to);
        } catch (InvalidCourseFile e) {
            System.err.println("pglabs: " + e.getMessage());
            return Main.CANNOT_GRADE;
        }
        ClassRunManifest earlier = null;
        if (regrade) {
            String option = onlyFailed ? "--only-failed" : "--students";
            String why = shard != null ? option + " regrades into one whole class run; it does not combine with --shard."
                    : !Files.isRegularFile(to.resolve(ClassRunManifest.FILE)) ? option + " regrades into an earlier run's "
                    + "--out, and " + to + " holds none (no " + ClassRunManifest.FILE + "): grade the class first." : null;
            if (why == null) {
                earlier = ClassRunManifest.read(to);
                why = Regrade.refusal(earlier, selected);
            }
            if (why != null) {
                System.err.println("pglabs: " + why);
                return Main.CANNOT_GRADE;
            }
            if (onlyFailed) {
                only = Regrade.notGraded(earlier);
                if (only.isEmpty()) {
                    System.err.println("pglabs: every student in " + to + " was graded; nothing to regrade.");
                    return 0;
                }
                System.err.println("Regrading the " + only.size() + " student(s) the earlier run could not grade: "
                        + String.join(", ", only.stream().map(Terminal::safe).toList()));
            }
        } else {
            String unusable = prepareOutput(to);
            if (unusable != null) {
                System.err.println("pglabs: " + unusable);
                return Main.CANNOT_GRADE;
            }
        }
        ClassRoster roster = ClassRoster.scan(from, course);
        roster.skipped().forEach(entry -> System.err.println("pglabs: skipped " + Terminal.safe(entry.toString())));
        records = records.withSkipped(roster.skipped());
        if (roster.students().isEmpty()) {
            System.err.println("pglabs: " + from + " has no student folders. Put each student's work in a "
                    + "sub-folder of its own (a copy of labs/, or a clone of the student's repository).");
            return Main.CANNOT_GRADE;
        }
        List<Student> students = shard != null ? shard.select(roster.students(), selected)
                : only.isEmpty() ? roster.students() : roster.students().stream().filter(st -> only.contains(st.name())).toList();
        if (!only.isEmpty() && students.size() != new HashSet<>(only).size()) {
            List<String> unknown = only.stream().filter(n -> roster.students().stream().noneMatch(st -> st.name().equals(n)))
                    .map(Terminal::safe).toList();
            System.err.println("pglabs: no student folder named " + String.join(", ", unknown) + " in " + from
                    + "; nothing was graded.");
            return Main.CANNOT_GRADE;
        }

        PrintStream err = System.err;
        // Never more jobs than students: a class of one is graded by one job, and says so.
        int parallel = Math.min(jobs == null ? GradingRunner.defaultParallelism() : jobs, Math.max(1, students.size()));
        ClassResult result;
        try (GradingSession session = GradingSession.open(course, new Submission(from), database.provider())
                .sandboxPolicy(sandbox.forOthers())) {
            err.println("Grading " + students.size() + (students.size() == 1 ? " student" : " students") + " in " + from
                    + (shard == null ? "" : " (shard " + shard + " of " + roster.students().size() + ")") + ", labs "
                    + String.join(" ", selected.stream().map(Lab::id).toList()) + ", " + parallel
                    + (parallel == 1 ? " job" : " jobs") + " — database: " + session.farm().server().description());
            if (!LabServices.started(session, selected)) {
                return Main.CANNOT_GRADE;
            }
            ClassProgressLine progress = new ClassProgressLine(err, Terminal.isTerminal());
            result = new ClassGrading(session, selected, parallel).grade(students, progress);
            progress.done(result);
        }

        ClassResult graded = result;
        if (earlier != null) {
            result = Regrade.merge(earlier.results(to.resolve(STUDENTS)), result);
        }
        ClassResult now = result;
        Map<String, String> files = ClassReportFiles.write(result, records, to, err,
                earlier == null ? name -> true : name -> only.contains(name), before.map(e -> e.changesTo(now)));
        Shard part = shard == null ? new Shard(1, 1) : shard;
        ClassRunManifest.of(part, result, records, files).write(to);
        ClassReportFiles.keep(policy, rosterFile, to);
        Regrade.record(part, graded, result, records, files, to);
        ClassReportFiles.printWhere(to);
        if (similarity) {
            SimilarityFiles.write(course, selected, roster.students(), to, err);
        }
        for (Student s : students) {
            if (!s.note().isEmpty()) {
                err.println("note: " + Terminal.safe(s.name()) + ": " + Terminal.safe(s.note()));
            }
        }
        for (StudentResult s : graded.students()) {
            s.handedIn().forEach((lab, time) -> {
                if (!time.note().isEmpty()) {
                    err.println("note: " + Terminal.safe(s.name()) + " " + lab + ": " + Terminal.safe(time.note()));
                }
            });
        }
        List<String> unknown = records.notInRoster(result);
        if (!unknown.isEmpty()) {
            err.println("pglabs: " + unknown.size() + " folder(s) not in the roster (graded; their id, name and e-mail "
                    + "cells are empty): " + String.join(", ", unknown.stream().map(Terminal::safe).toList()));
        }
        List<String> missing = records.withoutSubmission(result);
        if (!missing.isEmpty()) {
            err.println("pglabs: " + missing.size() + " student(s) of the roster have no submission folder: "
                    + String.join(", ", missing.stream().map(Terminal::safe).toList()));
        }
        if (!result.notGraded().isEmpty()) {
            err.println("pglabs: " + result.notGraded().size() + " submission(s) could not be graded (the harness "
                    + "failed, not the students):");
            result.notGraded().forEach(s -> err.println("  " + Terminal.safe(s.name()) + ": " + Terminal.safe(s.problem())));
            err.println("Their gradebook cells are empty. Fix the cause and run grade-class again.");
            return Main.CANNOT_GRADE;
        }
        return 0;
    }

    /**
     * Makes {@code dir} ready: created if missing; an earlier run's student reports removed (a student who left
     * the class must not keep a page). Returns why it cannot be used, or null.
     */
    static String prepareOutput(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "--out " + dir + " is a file, not a folder.";
        }
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                empty = !entries.iterator().hasNext();
            }
            if (!empty && !Files.exists(dir.resolve(GRADEBOOK))) {
                return "--out " + dir + " is not empty and holds no earlier gradebook; choose a new or empty folder.";
            }
            // A run without --policy or --roster has none: an earlier run's copies would be applied by a regrade.
            Files.deleteIfExists(dir.resolve(ClassReportFiles.POLICY));
            Files.deleteIfExists(dir.resolve(ClassReportFiles.ROSTER));
            Path students = dir.resolve(STUDENTS);
            if (Files.isDirectory(students)) {
                try (DirectoryStream<Path> old = Files.newDirectoryStream(students, "*.{json,html}")) {
                    for (Path file : old) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        Files.createDirectories(dir.resolve(STUDENTS));
        return null;
    }
}
