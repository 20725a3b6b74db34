package dev.pglabs.graders.support;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Grades submissions from tests the way the CLI does (in process, through the JUnit Platform Launcher),
 * sharing one database server and its lab templates across the whole test JVM.
 */
public final class CourseGrading {

    private static GradingSession shared;
    /** The course's own folders (solutions, starters) graded once per lab and JVM: several test classes ask. */
    private static final Map<String, CompletableFuture<LabResult>> COURSE_FOLDERS = new ConcurrentHashMap<>();

    private CourseGrading() {
    }

    public static Course course() {
        return Course.locate();
    }

    /** The session every test of this JVM grades with: the provider chain picks the server. */
    public static synchronized GradingSession session() {
        if (shared == null) {
            Course course = course();
            shared = GradingSession.open(course, new Submission(course.labsDir()), Optional.empty());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "pglabs-test-session"));
        }
        return shared;
    }

    public static SubmissionResult grade(Path submission, String... labs) {
        return grade(session(), submission, labs);
    }

    public static SubmissionResult grade(GradingSession session, Path submission, String... labs) {
        Course course = session.course();
        List<Lab> selected = labs.length == 0 ? course.labs() : Arrays.stream(labs).map(course::lab).toList();
        return new GradingRunner().grade(session.forSubmission(new Submission(submission)), selected,
                GradingProgress.SILENT);
    }

    /**
     * One lab of one of the course's own folders ({@code solutions/} or {@code labs/}), graded by the first test that
     * asks and shared with the others: the course folders do not change during a run.
     */
    public static LabResult courseFolder(Path folder, String lab) {
        String key = folder.toAbsolutePath().normalize() + "|" + lab;
        CompletableFuture<LabResult> mine = new CompletableFuture<>();
        CompletableFuture<LabResult> first = COURSE_FOLDERS.putIfAbsent(key, mine);
        if (first != null) {
            return first.join();
        }
        try {
            List<LabResult> labs = grade(folder, lab).labs();
            if (labs.size() != 1) {
                throw new IllegalStateException("grading " + lab + " in " + folder + " gave " + labs.size() + " labs");
            }
            mine.complete(labs.get(0));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
        }
        return mine.join();
    }

    /** The checks of one lab by id. */
    public static Map<String, CheckResult> checks(SubmissionResult result, String lab) {
        LabResult labResult = result.labs().stream().filter(l -> l.id().equals(course().lab(lab).folder()))
                .findFirst().orElseThrow();
        return labResult.checks().stream().collect(Collectors.toMap(CheckResult::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
