package dev.pglabs.grading;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.HiddenNotRun;
import dev.pglabs.results.Scores;
import dev.pglabs.results.Visibility;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.submission.SubmissionHash;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Grades a submission in process: runs each lab's grader class through the JUnit Platform Launcher, in a launcher
 * session that carries the grading session and the lab ({@link LabRun}), and collects the result model. One runner grades one submission at a time; use one
 * runner per thread to grade several at once.
 */
public final class GradingRunner {

    public static final String VERSION = versionOf(GradingRunner.class);

    /** Time limit for one check, enforced by JUnit on a separate thread so an endless loop cannot stall a run. */
    static final Map<String, String> CONFIGURATION = Map.of(
            "junit.jupiter.execution.timeout.default", "120 s",
            "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD",
            "junit.jupiter.extensions.autodetection.enabled", "false");

    private final CheckScope scope;
    private int labsAtOnce = 1;
    private Predicate<Method> checks;

    /** A runner for instructor grading: every check, hidden ones included. */
    public GradingRunner() {
        this(CheckScope.ALL);
    }

    /** A runner for these checks: {@link CheckScope#VISIBLE} for a student's own run, which counts the hidden ones. */
    public GradingRunner(CheckScope scope) {
        this.scope = scope;
    }

    public CheckScope scope() {
        return scope;
    }

    /**
     * How many gradings to run side by side unless told otherwise: the labs of one submission ({@code grade},
     * {@code verify}) or the students of a class ({@code grade-class --jobs}). One more than the processors: a grading
     * waits on PostgreSQL, a worker JVM or a time limit part of the time, and as many gradings as processors left a
     * third of a 2-core machine idle (docs/benchmarks.md: the golden scenarios took 364 s two at a time, 279 s three
     * at a time and 279 s four at a time).
     */
    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors() + 1;
    }

    /**
     * Grades up to {@code n} labs of the submission side by side (progress is still told in course order), usually
     * {@link #defaultParallelism()}; a class run already grades several students at once and keeps one lab at a time.
     */
    public GradingRunner labsAtOnce(int n) {
        this.labsAtOnce = Math.max(1, n);
        return this;
    }

    /**
     * Runs only the check methods this accepts (each lab's other checks are not run and not reported);
     * {@code pglabs release} runs the checks that compare with a reference this way.
     */
    public GradingRunner onlyChecks(Predicate<Method> accepted) {
        this.checks = accepted;
        return this;
    }

    public SubmissionResult grade(GradingSession session, List<Lab> labs, GradingProgress progress) {
        return grade(session, labs, this::graderClassesOf, progress);
    }

    /** Grades one lab with a given grader class instead of course.json's (the course's self-tests use it). */
    public SubmissionResult grade(GradingSession session, Lab lab, Class<?> graderClass, GradingProgress progress) {
        return grade(session, List.of(lab), l -> List.of(graderClass), progress);
    }

    private SubmissionResult grade(GradingSession session, List<Lab> labs, Function<Lab, List<Class<?>>> graders,
                                   GradingProgress progress) {
        if (scope == CheckScope.ALL) {
            // A student release has neither the code nor the data of hidden checks: say so instead of failing on
            // a missing dataset half-way.
            session.course().hiddenChecksUnavailable().ifPresent(why -> {
                throw new HiddenChecksUnavailableException(why);
            });
        }
        long start = System.nanoTime();
        // Hashed before anything runs: the files as handed in, whatever a submission's code does meanwhile.
        String hash = SubmissionHash.of(session.submission(), labs.stream().map(Lab::folder).toList());
        List<LabResult> labResults = new ArrayList<>();
        session.prepare(labs, scope);
        // A lab whose template is still being built waits while the labs after it are graded (lab 05's
        // million rows build meanwhile); the results keep the course's order.
        Map<Lab, LabResult> byLab = gradeLabs(session, labs, graders,
                labsAtOnce > 1 && labs.size() > 1 ? new OrderedProgress(progress, labs) : progress);
        labs.forEach(lab -> labResults.add(byLab.get(lab)));
        var run = new SubmissionResult.RunInfo(VERSION, session.farm().serverVersion(),
                session.farm().server().kind().label(), Instant.now().toString(),
                (System.nanoTime() - start) / 1_000_000, hash, session.sandboxUsed().orElse(null));
        return SubmissionResult.of(session.submission().root().toString(), labResults, run);
    }

    /** Each lab on one of {@link #labsAtOnce} workers, a lab whose templates are ready first. */
    private Map<Lab, LabResult> gradeLabs(GradingSession session, List<Lab> labs,
                                          Function<Lab, List<Class<?>>> graders, GradingProgress progress) {
        List<Lab> pending = new ArrayList<>(labs);
        Map<Lab, LabResult> byLab = new ConcurrentHashMap<>();
        Supplier<Lab> next = () -> {
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return null;
                }
                Lab lab = pending.stream().filter(l -> session.templatesReady(l, scope)).findFirst()
                        .orElse(pending.get(0));
                pending.remove(lab);
                return lab;
            }
        };
        Runnable worker = () -> {
            for (Lab lab = next.get(); lab != null; lab = next.get()) {
                byLab.put(lab, gradeLab(session, lab, graders.apply(lab), progress));
            }
        };
        int workers = Math.min(labsAtOnce, labs.size());
        if (workers <= 1) {
            worker.run();
            return byLab;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, DaemonThreads.numbered("pglabs-lab"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Grading was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return byLab;
    }

    /** The lab's grader, and its hidden checks' class (see course.json "hiddenGrader") when they are to run. */
    private List<Class<?>> graderClassesOf(Lab lab) {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(load(lab.grader(), lab));
        if (scope == CheckScope.ALL && lab.hiddenGrader() != null) {
            classes.add(load(lab.hiddenGrader(), lab));
        }
        return classes;
    }

    /** What the lab's grader needs besides the database ({@link Grader#services()}). */
    public static List<Class<? extends LabService>> servicesOf(Lab lab) {
        Grader grader = load(lab.grader(), lab).getAnnotation(Grader.class);
        return grader == null ? List.of() : List.of(grader.services());
    }

    private static Class<?> load(String className, Lab lab) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The grader " + className + " of lab " + lab.folder()
                    + " is not on the classpath; rebuild pglabs (mvn -q install -DskipTests).", e);
        }
    }

    /**
     * Runs the lab's graders in a launcher session of their own, which carries the session, the lab and the scope to
     * the checks ({@link LabRun}): runners on several threads grade several submissions at once in one JVM
     * (grade-class --jobs, the course's golden tests) without a global between them.
     */
    private LabResult gradeLab(GradingSession session, Lab lab, List<Class<?>> graderClasses,
                               GradingProgress progress) {
        progress.labStarted(lab);
        LauncherDiscoveryRequest request = request()
                .selectors(selectors(graderClasses))
                .configurationParameters(CONFIGURATION)
                .build();
        ResultCollector collector = new ResultCollector(session.course(), lab, progress, scope);
        try (LauncherSession launch = LauncherFactory.openSession()) {
            new LabRun(session, lab, scope).handTo(launch);
            launch.getLauncher().execute(request, collector);
        }
        List<CheckResult> checks = collector.results().getOrDefault(lab.folder(), List.of());
        LabResult result = LabResult.of(lab.folder(), lab.title(), checks,
                scope == CheckScope.VISIBLE ? hiddenChecksOf(lab, graderClasses) : null);
        if (result.score() == 0 && (collector.nothingAttempted(lab.folder())
                || StarterFiles.untouched(session.course().labsDir().resolve(lab.folder()),
                session.submission().lab(lab.folder()).dir()))) {
            result = result.asNotStarted();
        }
        progress.labFinished(lab, result);
        return result;
    }

    private List<DiscoverySelector> selectors(List<Class<?>> graderClasses) {
        if (checks == null) {
            return graderClasses.stream().<DiscoverySelector>map(c -> selectClass(c)).toList();
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> grader : graderClasses) {
            for (Method method : grader.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Check.class) && checks.test(method)) {
                    selectors.add(DiscoverySelectors.selectMethod(grader, method));
                }
            }
        }
        return selectors;
    }

    /**
     * The hidden checks a run of the visible ones leaves out: counted from the graders' annotations (the hidden
     * class included when it is on the classpath), or, in a student release, as recorded in course.json when the
     * release was written (their code is not there to count).
     */
    public static HiddenNotRun hiddenChecksOf(Lab lab) {
        return hiddenChecksOf(lab, List.of(load(lab.grader(), lab)));
    }

    static HiddenNotRun hiddenChecksOf(Lab lab, List<Class<?>> graderClasses) {
        if (lab.hiddenChecks() != null) {
            return new HiddenNotRun(lab.hiddenChecks().checks(), lab.hiddenChecks().points());
        }
        List<Class<?>> classes = new ArrayList<>(graderClasses);
        if (lab.hiddenGrader() != null && classes.stream().noneMatch(c -> c.getName().equals(lab.hiddenGrader()))) {
            try {
                classes.add(Class.forName(lab.hiddenGrader()));
            } catch (ClassNotFoundException e) {
                // Not on the classpath: nothing more to count.
            }
        }
        int count = 0;
        double points = 0;
        for (Class<?> c : classes) {
            for (Method m : AnnotationSupport.findAnnotatedMethods(c, Check.class, HierarchyTraversalMode.TOP_DOWN)) {
                Check check = m.getAnnotation(Check.class);
                for (CheckVariant v : CheckVariant.of(check, m.getName(), CheckScope.ALL)) {
                    if (v.visibility() == Visibility.HIDDEN) {
                        count++;
                        points += v.points();
                    }
                }
            }
        }
        return new HiddenNotRun(count, Scores.round(points));
    }

    /** Hidden checks were asked for where they do not exist (a student release). */
    public static final class HiddenChecksUnavailableException extends IllegalStateException {
        public HiddenChecksUnavailableException(String message) {
            super(message);
        }
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
