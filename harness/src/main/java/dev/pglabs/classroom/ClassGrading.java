package dev.pglabs.classroom;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.Submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades a whole class in one process: one database server and one set of lab templates for everybody, while
 * each student's checks still get their own databases and role. With {@code jobs > 1} several students are
 * graded at once, each by its own runner; the results do not depend on it (same scores, same order).
 */
public final class ClassGrading {

    private final GradingSession session;
    private final List<Lab> labs;
    private final int jobs;

    /**
     * @param session the run's session: its server and templates are shared, its submission is not used
     * @param jobs    students graded at the same time (at least 1)
     */
    public ClassGrading(GradingSession session, List<Lab> labs, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.session = session;
        this.labs = List.copyOf(labs);
        this.jobs = jobs;
    }

    public ClassResult grade(List<Student> students, ClassProgress progress) {
        long start = System.nanoTime();
        progress.started(students.size(), jobs);
        session.prepare(labs);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, students.size())),
                DaemonThreads.numbered("pglabs-class"));
        // One runner (one JUnit launcher) per grading thread.
        ThreadLocal<GradingRunner> runners = ThreadLocal.withInitial(GradingRunner::new);
        List<StudentResult> results = new ArrayList<>();
        try {
            List<Future<StudentResult>> futures = new ArrayList<>();
            for (Student student : students) {
                futures.add(pool.submit(() -> {
                    progress.studentStarted(student);
                    StudentResult result = gradeOne(runners.get(), student);
                    progress.studentFinished(result, done.incrementAndGet(), students.size());
                    return result;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), students.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        return new ClassResult(labs, results, GradingRunner.VERSION, session.farm().serverVersion(),
                Instant.now().toString(), (System.nanoTime() - start) / 1_000_000);
    }

    private StudentResult gradeOne(GradingRunner runner, Student student) {
        try {
            SubmissionResult result = runner.grade(session.forSubmission(new Submission(student.labs())), labs,
                    GradingProgress.SILENT);
            Map<String, SubmissionTime> handedIn = new TreeMap<>();
            for (Lab lab : labs) {
                SubmissionTime.of(student.folder(), student.labs().resolve(lab.folder()))
                        .ifPresent(time -> handedIn.put(lab.folder(), time));
            }
            return StudentResult.graded(student, result, handedIn);
        } catch (RuntimeException | Error e) {
            // The harness itself failed (e.g. the database server went away): say so, grade the others.
            return StudentResult.notGraded(student, describe(e));
        }
    }

    private static StudentResult await(Future<StudentResult> future, Student student) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StudentResult.notGraded(student, "grading was interrupted");
        } catch (ExecutionException e) {
            return StudentResult.notGraded(student, describe(e.getCause()));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
