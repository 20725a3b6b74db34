package dev.pglabs.grading;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.DatabaseServer;
import dev.pglabs.provisioning.DynamoDbEmulator;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.RdsLikeServer;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.submission.Submission;
import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.SandboxPolicy;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.WorkerLimits;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a grading run shares between its checks: the course, the submission being graded and the database
 * farm. The CLI opens one and hands it to the graders ({@link #install}); under Surefire or an IDE the
 * extension opens one from configuration parameters the first time a grader needs it.
 */
public final class GradingSession implements AutoCloseable {

    /** Configuration parameter (or system property): the submission folder; default {@code <home>/labs}. */
    public static final String SUBMISSION = "pglabs.submission";
    /** Configuration parameter (or system property): auto, url, docker or embedded. */
    public static final String DB = "pglabs.db";

    /**
     * Configuration parameter set by {@link GradingRunner}: the key of the registered session a launcher run
     * grades with. Each run carries its own, so several submissions can be graded at once in one JVM.
     */
    static final String SESSION_KEY = "pglabs.grading-session-key";

    private static volatile GradingSession installed;
    private static final Map<String, GradingSession> REGISTERED = new ConcurrentHashMap<>();
    private static final AtomicLong KEYS = new AtomicLong();

    private final Course course;
    private final Submission submission;
    private final DatabaseServer server;
    private final DatabaseFarm farm;
    private final boolean ownsServer;
    /** Started on first use and shared with {@link #forSubmission} sessions; stopped by the owning session. */
    private final LazyService<RdsLikeServer> rdsLike;
    /** The DynamoDB emulator (lab 11), likewise started on first use and shared. */
    private final LazyService<DynamoDbEmulator> dynamoDb;
    /** Whether student Java may run without the OS sandbox; set by the command before grading. */
    private volatile SandboxPolicy sandboxPolicy = SandboxPolicy.PREFER;
    /** How student Java ran in this session, once it did. */
    private volatile Isolation sandboxUsed;
    /** Where the references' results come from: run live, recorded for a release, or stored in a release. */
    private volatile ExpectedResults expectedResults;

    public GradingSession(Course course, Submission submission, DatabaseFarm farm, boolean ownsServer) {
        this(course, submission, farm, ownsServer, new LazyService<>(RdsLikeServer::start, "pglabs-rds-like-start"),
                new LazyService<>(() -> DynamoDbEmulator.start(course.home().resolve("tools").resolve("dynalite")),
                        "pglabs-dynalite-start"));
    }

    private GradingSession(Course course, Submission submission, DatabaseFarm farm, boolean ownsServer,
                           LazyService<RdsLikeServer> rdsLike, LazyService<DynamoDbEmulator> dynamoDb) {
        this.course = course;
        this.submission = submission;
        this.server = farm.server();
        this.farm = farm;
        this.ownsServer = ownsServer;
        this.rdsLike = rdsLike;
        this.dynamoDb = dynamoDb;
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
    static GradingSession fromConfiguration(java.util.function.Function<String, Optional<String>> config) {
        Course course = Course.locate();
        Path submission = config.apply(SUBMISSION).map(Path::of)
                .map(p -> p.isAbsolute() ? p : course.home().resolve(p))
                .orElse(course.labsDir());
        Optional<ProviderKind> provider = config.apply(DB).filter(s -> !s.equals("auto")).map(ProviderKind::parse);
        return open(course, new Submission(submission), provider);
    }

    /**
     * Lets graders run outside {@link GradingRunner} (a launcher of your own) use this session instead of
     * opening their own. One session for the whole JVM: {@link GradingRunner} does not use it, it passes each
     * run its session (see {@link #SESSION_KEY}) so that several can grade at once.
     */
    public static void install(GradingSession session) {
        installed = session;
    }

    static Optional<GradingSession> installed() {
        return Optional.ofNullable(installed);
    }

    /** Makes a session findable by the key a launcher run passes as {@link #SESSION_KEY}. */
    static String register(GradingSession session) {
        String key = "session-" + KEYS.incrementAndGet();
        REGISTERED.put(key, session);
        return key;
    }

    static void unregister(String key) {
        REGISTERED.remove(key);
    }

    static Optional<GradingSession> registered(String key) {
        return Optional.ofNullable(REGISTERED.get(key));
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
    public void prepare(java.util.List<Lab> labs) {
        prepare(labs, CheckScope.ALL);
    }

    /** As {@link #prepare(java.util.List)}, for the datasets checks of this scope use (no hidden data for VISIBLE). */
    public void prepare(java.util.List<Lab> labs, CheckScope scope) {
        farm.prepare(labs.stream()
                .flatMap(lab -> datasetNames(lab, scope).map(name -> course.dataset(lab, name)))
                .toList());
    }

    private static java.util.stream.Stream<String> datasetNames(Lab lab, CheckScope scope) {
        return lab.datasets().keySet().stream().sorted()
                .filter(name -> scope == CheckScope.ALL || !Lab.isHiddenDataset(name));
    }

    /**
     * The RDS-like server (TLS and SCRAM passwords only, see {@link RdsLikeServer}), started on first use: only the
     * labs that connect like an application to a managed database pay its start-up. Stopped with this session.
     */
    public RdsLikeServer rdsLikeServer() {
        return rdsLike.get();
    }

    /** Starts the RDS-like server in the background, so it is up by the time a check asks for it. */
    public void prepareRdsLikeServer() {
        rdsLike.prepare();
    }

    /**
     * The DynamoDB emulator ({@link DynamoDbEmulator}), started on first use: only lab 11 pays its start-up. Stopped
     * with this session.
     *
     * @throws DynamoDbEmulator.Unavailable when it cannot run here (no Node.js / npm): the message says what to do
     */
    public DynamoDbEmulator dynamoDbEmulator() {
        return dynamoDb.get();
    }

    /** Starts the DynamoDB emulator in the background, so it is up by the time a check asks for it. */
    public void prepareDynamoDbEmulator() {
        dynamoDb.prepare();
    }

    /**
     * Starts now what the labs' checks need besides the database ({@link Grader#services()}), so that a tool
     * missing on this machine stops the run before anything is graded.
     *
     * @throws LabServiceUnavailableException naming the lab, the service and what to do
     */
    public void startServices(java.util.Collection<Lab> labs) {
        for (Lab lab : labs) {
            for (LabService service : GradingRunner.servicesOf(lab)) {
                try {
                    switch (service) {
                        case DYNAMODB_EMULATOR -> dynamoDb.get();
                    }
                } catch (RuntimeException e) {
                    throw new LabServiceUnavailableException(lab, service, e);
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
        GradingSession session = new GradingSession(course, other, farm, false, rdsLike, dynamoDb);
        session.sandboxPolicy = sandboxPolicy;
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
        Isolation isolation = sandboxPolicy.choose(forced)
                .orElseThrow(() -> new dev.pglabs.provisioning.ProvisioningException(SandboxPolicy.refusal(), null));
        if (isolation == Isolation.PROCESS && sandboxPolicy == SandboxPolicy.PREFER) {
            UnsandboxedNotice.once(SandboxPolicy.whyNotUsed(forced));
        }
        sandboxUsed = isolation;
        return new StudentJvm(isolation, WorkerLimits.defaults(), graderLoader);
    }

    /** The line a student grading their own Java without the OS sandbox reads, once per process. */
    private static final class UnsandboxedNotice {
        private static final java.util.concurrent.atomic.AtomicBoolean SHOWN = new java.util.concurrent.atomic.AtomicBoolean();

        static void once(String why) {
            if (!SHOWN.getAndSet(true)) {
                System.err.println("pglabs: no OS sandbox (" + why
                        + "): your Java runs in a separate process with limits, but can see this machine.");
            }
        }
    }

    @Override
    public void close() {
        if (!ownsServer) {
            return;
        }
        if (installed == this) {
            installed = null;
        }
        try {
            try {
                try {
                    rdsLike.close();
                } finally {
                    dynamoDb.close();
                }
            } finally {
                farm.close();
            }
        } finally {
            server.close();
        }
    }

    /** A server started lazily for a session and the sessions derived from it (the RDS-like server, the emulator). */
    private static final class LazyService<T extends AutoCloseable> {
        private final java.util.function.Supplier<T> starter;
        private final String threadName;
        private CompletableFuture<T> starting;
        private boolean closed;

        LazyService(java.util.function.Supplier<T> starter, String threadName) {
            this.starter = starter;
            this.threadName = threadName;
        }

        /** Starts the server on a thread of its own, unless it is starting or running already. */
        synchronized CompletableFuture<T> prepare() {
            if (closed) {
                throw new IllegalStateException("The grading session is closed");
            }
            if (starting == null) {
                starting = CompletableFuture.supplyAsync(starter, task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    thread.start();
                });
            }
            return starting;
        }

        /** The server; one that did not start reports the same problem to every check, without trying again. */
        T get() {
            try {
                return prepare().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        synchronized void close() {
            closed = true;
            if (starting != null) {
                try {
                    starting.join().close();
                } catch (CompletionException e) {
                    // It never started: nothing to stop.
                } catch (Exception e) {
                    throw new IllegalStateException("Could not stop " + threadName, e);
                }
            }
        }
    }
}
