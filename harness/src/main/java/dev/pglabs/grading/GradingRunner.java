package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.SubmissionHash;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Grades a submission in process: runs each lab's grader class through the JUnit Platform Launcher with
 * the session installed, and collects the result model. One runner grades one submission at a time; use one
 * runner per thread to grade several at once.
 */
public final class GradingRunner {

    public static final String VERSION = versionOf(GradingRunner.class);

    /** Time limit for one check, enforced by JUnit on a separate thread so an endless loop cannot stall a run. */
    static final Map<String, String> CONFIGURATION = Map.of(
            "junit.jupiter.execution.timeout.default", "120 s",
            "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD",
            "junit.jupiter.extensions.autodetection.enabled", "false");

    private final Launcher launcher = LauncherFactory.create();

    public SubmissionResult grade(GradingSession session, List<Lab> labs, GradingProgress progress) {
        return grade(session, labs, GradingRunner::graderClassOf, progress);
    }

    /** Grades one lab with a given grader class instead of course.json's (the course's self-tests use it). */
    public SubmissionResult grade(GradingSession session, Lab lab, Class<?> graderClass, GradingProgress progress) {
        return grade(session, List.of(lab), l -> graderClass, progress);
    }

    private SubmissionResult grade(GradingSession session, List<Lab> labs, Function<Lab, Class<?>> graders,
                                   GradingProgress progress) {
        long start = System.nanoTime();
        // Hashed before anything runs: the files as handed in, whatever a submission's code does meanwhile.
        String hash = SubmissionHash.of(session.submission(), labs.stream().map(Lab::folder).toList());
        List<LabResult> labResults = new ArrayList<>();
        // The session travels with each launcher request (not through a global), so runners on several
        // threads can grade several submissions at once (pglabs grade-class --jobs).
        String sessionKey = GradingSession.register(session);
        session.prepare(labs);
        try {
            // A lab whose template is still being built waits while the labs after it are graded (lab 05's
            // million rows build meanwhile); the results keep the course's order.
            Map<Lab, LabResult> byLab = new HashMap<>();
            List<Lab> pending = new ArrayList<>(labs);
            while (!pending.isEmpty()) {
                Lab next = pending.stream().filter(session::templatesReady).findFirst().orElse(pending.get(0));
                pending.remove(next);
                byLab.put(next, gradeLab(session, sessionKey, next, graders.apply(next), progress));
            }
            labs.forEach(lab -> labResults.add(byLab.get(lab)));
        } finally {
            GradingSession.unregister(sessionKey);
        }
        var run = new SubmissionResult.RunInfo(VERSION, session.farm().serverVersion(),
                session.farm().server().kind().label(), Instant.now().toString(),
                (System.nanoTime() - start) / 1_000_000, hash);
        return SubmissionResult.of(session.submission().root().toString(), labResults, run);
    }

    private static Class<?> graderClassOf(Lab lab) {
        try {
            return Class.forName(lab.grader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The grader " + lab.grader() + " of lab " + lab.folder()
                    + " is not on the classpath; rebuild pglabs (mvn -q install -DskipTests).", e);
        }
    }

    private LabResult gradeLab(GradingSession session, String sessionKey, Lab lab, Class<?> graderClass,
                               GradingProgress progress) {
        progress.labStarted(lab);
        LauncherDiscoveryRequest request = request()
                .selectors(selectClass(graderClass))
                .configurationParameters(CONFIGURATION)
                .configurationParameter(GradingSession.SESSION_KEY, sessionKey)
                .build();
        ResultCollector collector = new ResultCollector(session.course(), progress);
        launcher.execute(request, collector);
        List<CheckResult> checks = collector.results().getOrDefault(lab.folder(), List.of());
        LabResult result = LabResult.of(lab.folder(), lab.title(), checks);
        progress.labFinished(lab, result);
        return result;
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
