package dev.pglabs.grading;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.javasub.CompileCache;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.DatabaseServer;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.submission.Submission;
import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.SandboxPolicy;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.WorkerLimits;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a grading run shares between its checks: the course, the submission being graded, the database farm and the
 * {@link LabService}s the checks use. {@link GradingRunner} hands it to the graders with the lab each launch grades
 * ({@link LabRun}); under Surefire or an IDE the extension opens one from configuration parameters the first time a
 * grader needs it.
 */
public final class GradingSession implements AutoCloseable {

    /** Configuration parameter (or system property): the submission folder; default {@code <home>/labs}. */
    public static final String SUBMISSION = "pglabs.submission";
    /** Configuration parameter (or system property): auto, url, docker or embedded. */
    public static final String DB = "pglabs.db";

    private final Course course;
    private final Submission submission;
    private final DatabaseServer server;
    private final DatabaseFarm farm;
    private final boolean ownsServer;
    /** Started on first use and shared with {@link #forSubmission} sessions; stopped by the owning session. */
    private final SessionServices services;
    /** Whether student Java may run without the OS sandbox; set by the command before grading. */
    private volatile SandboxPolicy sandboxPolicy = SandboxPolicy.PREFER;
    /** How student Java ran in this session, once it did. */
    private volatile Isolation sandboxUsed;
    /** Workers and compiled classes kept between gradings, in a session that lives on (watch); else null. */
    private volatile KeptWorkers kept;
    /** Where the references' results come from: run live, recorded for a release, or stored in a release. */
    private volatile ExpectedResults expectedResults;

    public GradingSession(Course course, Submission submission, DatabaseFarm farm, boolean ownsServer) {
        this(course, submission, farm, ownsServer, new SessionServices(course));
    }

    private GradingSession(Course course, Submission submission, DatabaseFarm farm, boolean ownsServer,
                           SessionServices services) {
        this.course = course;
        this.submission = submission;
        this.server = farm.server();
        this.farm = farm;
        this.ownsServer = ownsServer;
        this.services = services;
        this.expectedResults = course.studentRelease() ? ExpectedResults.stored(course.home()) : ExpectedResults.live();
    }

    /** Starts a server with the provider chain and a farm on it. */
    public static GradingSession open(Course course, Submission submission, Optional<ProviderKind> provider) {
        return open(course, submission, provider, Provisioning.fromEnvironment());
    }

    /** With a provider chain of its own (benchmarks choose the template cache this way). */
    public static GradingSession open(Course course, Submission submission, Optional<ProviderKind> provider,
                                     Provisioning provisioning) {
        // The farm may end up on another server than the one started: see Provisioning#farm.
        DatabaseFarm farm = provisioning.farm(provisioning.start(provider), SandboxLimits.defaults());
        try {
            return new GradingSession(course, submission, farm, true);
        } catch (RuntimeException e) {
            farm.close();
            farm.server().close();
            throw e;
        }
    }

    /** Reads the settings Surefire or an IDE passes as system properties / configuration parameters. */
    static GradingSession fromConfiguration(Function<String, Optional<String>> config) {
        Course course = Course.locate();
        Path submission = config.apply(SUBMISSION).map(Path::of)
                .map(p -> p.isAbsolute() ? p : course.home().resolve(p))
                .orElse(course.labsDir());
        Optional<ProviderKind> provider = config.apply(DB).filter(s -> !s.equals("auto")).map(ProviderKind::parse);
        return open(course, new Submission(submission), provider);
    }

    public Course course() {
        return course;
    }

    public Submission submission() {
        return submission;
    }

    public DatabaseFarm farm() {
        return farm;
    }

    /** Where the checks get the results of reference answers: run live, or stored in a student release. */
    public ExpectedResults expectedResults() {
        return expectedResults;
    }

    /**
     * Keeps every reference result the checks of this session compute ({@code pglabs release} grades the solutions
     * this way and writes what it recorded into the student release). Returns the recorder.
     */
    public ExpectedResults recordExpectedResults() {
        if (course.studentRelease()) {
            throw new IllegalStateException("A student release holds no references to record");
        }
        ExpectedResults recorder = ExpectedResults.recording();
        this.expectedResults = recorder;
        return recorder;
    }

    public CheckDatabase newDatabase(Lab lab, String dataset) {
        return farm.create(course.dataset(lab, dataset));
    }

    /** Starts building the templates of these labs in the background (see {@link DatabaseFarm#prepare}). */
    public void prepare(List<Lab> labs) {
        prepare(labs, CheckScope.ALL);
    }

    /** As {@link #prepare(java.util.List)}, for the datasets checks of this scope use (no hidden data for VISIBLE). */
    public void prepare(List<Lab> labs, CheckScope scope) {
        farm.prepare(labs.stream()
                .flatMap(lab -> datasetNames(lab, scope).map(name -> course.dataset(lab, name)))
                .toList());
    }

    private static Stream<String> datasetNames(Lab lab, CheckScope scope) {
        return lab.datasets().keySet().stream().sorted()
                .filter(name -> scope == CheckScope.ALL || !Lab.isHiddenDataset(name));
    }

    /**
     * The running service of this type (see {@link LabService}), started on first use: only the labs that use it pay
     * its start-up. Stopped with this session.
     *
     * @throws RuntimeException what its start threw when it cannot run here: the message says what to do
     */
    public <S extends LabService> S service(Class<S> type) {
        return services.get(type);
    }

    /** Starts the service in the background, so it is up by the time a check asks for it. */
    public void startAhead(Class<? extends LabService> type) {
        services.startAhead(type);
    }

    /**
     * Starts now what the labs' checks need besides the database ({@link Grader#services()}), so that a tool
     * missing on this machine stops the run before anything is graded.
     *
     * @throws LabServiceUnavailableException naming the lab, the service and what to do
     */
    public void startServices(Collection<Lab> labs) {
        for (Lab lab : labs) {
            for (Class<? extends LabService> type : GradingRunner.servicesOf(lab)) {
                try {
                    services.get(type);
                } catch (RuntimeException e) {
                    throw new LabServiceUnavailableException(lab, services.description(type), e);
                }
            }
        }
    }

    /** Whether every template of this lab is built (a lab without datasets is always ready). */
    public boolean templatesReady(Lab lab) {
        return templatesReady(lab, CheckScope.ALL);
    }

    public boolean templatesReady(Lab lab, CheckScope scope) {
        return datasetNames(lab, scope).allMatch(name -> farm.isReady(course.dataset(lab, name)));
    }

    /** A session for another submission on the same server and templates (class grading reuses them). */
    public GradingSession forSubmission(Submission other) {
        GradingSession session = new GradingSession(course, other, farm, false, services);
        session.sandboxPolicy = sandboxPolicy;
        session.expectedResults = expectedResults.forAnotherSubmission();
        return session;
    }

    /** Whether student Java may run without the OS sandbox (see {@link SandboxPolicy}); PREFER unless set. */
    public GradingSession sandboxPolicy(SandboxPolicy policy) {
        this.sandboxPolicy = policy;
        return this;
    }

    public SandboxPolicy sandboxPolicy() {
        return sandboxPolicy;
    }

    /** How student Java ran in this session ({@link Isolation#label()}), empty if none ran. */
    public Optional<String> sandboxUsed() {
        return Optional.ofNullable(sandboxUsed).map(Isolation::label);
    }

    /**
     * A worker for one lab of this submission's Java. Under {@link SandboxPolicy#REQUIRE} without the OS sandbox the
     * grader refuses (a {@link dev.pglabs.provisioning.ProvisioningException} the check reports as an error); a
     * student grading their own work without it is told once, in one line.
     *
     * @param forced the {@code pglabs.sandbox} setting, if any ({@link SandboxPolicy#PROPERTY})
     */
    public StudentJvm newStudentJvm(ClassLoader graderLoader, Optional<String> forced) {
        return new StudentJvm(choose(forced), WorkerLimits.defaults(), graderLoader);
    }

    private Isolation choose(Optional<String> forced) {
        Isolation isolation = sandboxPolicy.choose(forced)
                .orElseThrow(() -> new ProvisioningException(SandboxPolicy.refusal(forced), null));
        if (isolation == Isolation.PROCESS && sandboxPolicy == SandboxPolicy.PREFER) {
            UnsandboxedNotice.once(SandboxPolicy.whyNotUsed(forced));
        }
        sandboxUsed = isolation;
        return isolation;
    }

    /**
     * Keeps each Java lab's worker and compiled classes between gradings of this session ({@code pglabs watch}:
     * the same submission graded again after each save), instead of a new worker and a new compilation per grading.
     * A worker is reused only if the last grading left it clean ({@link StudentJvm#recycle}); classes only if no
     * source changed.
     */
    public GradingSession keepBetweenGradings() {
        if (kept == null) {
            kept = new KeptWorkers();
        }
        return this;
    }

    /** The compilations kept between gradings, if this session keeps them. */
    public Optional<CompileCache> compileCache() {
        return Optional.ofNullable(kept).map(KeptWorkers::compiled);
    }

    /**
     * The worker for one run of {@code grader}; closing the lease ends the run's use of it: the worker is closed in
     * a one-shot session, put back for the next grading in one that keeps workers.
     */
    KeptWorkers.Lease studentJvm(Class<?> grader, Optional<String> forced) {
        KeptWorkers shelf = kept;
        if (shelf == null) {
            return new KeptWorkers.Lease(null, null, newStudentJvm(grader.getClassLoader(), forced), null);
        }
        Isolation isolation = choose(forced);
        return shelf.take(new KeptWorkers.Key(grader, isolation),
                () -> new StudentJvm(isolation, WorkerLimits.defaults(), grader.getClassLoader()));
    }

    /** The line a student grading their own Java without the OS sandbox reads, once per process. */
    private static final class UnsandboxedNotice {
        private static final AtomicBoolean SHOWN = new AtomicBoolean();

        static void once(String why) {
            if (!SHOWN.getAndSet(true)) {
                System.err.println("pglabs: no OS sandbox (" + why
                        + "): your Java runs in a separate process with limits, but can see this machine.");
            }
        }
    }

    @Override
    public void close() {
        if (kept != null) {
            kept.close();
        }
        if (!ownsServer) {
            return;
        }
        try {
            try {
                services.close();
            } finally {
                farm.close();
            }
        } finally {
            server.close();
        }
    }
}
