package dev.pglabs.grading;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.DatabaseServer;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.submission.Submission;

import java.nio.file.Path;
import java.util.Optional;

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

    private static volatile GradingSession installed;

    private final Course course;
    private final Submission submission;
    private final DatabaseServer server;
    private final DatabaseFarm farm;
    private final boolean ownsServer;

    public GradingSession(Course course, Submission submission, DatabaseFarm farm, boolean ownsServer) {
        this.course = course;
        this.submission = submission;
        this.server = farm.server();
        this.farm = farm;
        this.ownsServer = ownsServer;
    }

    /** Starts a server with the provider chain and a farm on it. */
    public static GradingSession open(Course course, Submission submission, Optional<ProviderKind> provider) {
        DatabaseServer server = Provisioning.fromEnvironment().start(provider);
        try {
            return new GradingSession(course, submission, new DatabaseFarm(server, SandboxLimits.defaults()), true);
        } catch (RuntimeException e) {
            server.close();
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

    /** Lets graders run by the CLI use this session instead of opening their own. */
    public static void install(GradingSession session) {
        installed = session;
    }

    static Optional<GradingSession> installed() {
        return Optional.ofNullable(installed);
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

    public CheckDatabase newDatabase(Lab lab, String dataset) {
        return farm.create(course.dataset(lab, dataset));
    }

    /** Starts building the templates of these labs in the background (see {@link DatabaseFarm#prepare}). */
    public void prepare(java.util.List<Lab> labs) {
        farm.prepare(labs.stream()
                .flatMap(lab -> lab.datasets().keySet().stream().sorted().map(name -> course.dataset(lab, name)))
                .toList());
    }

    /** A session for another submission on the same server and templates (class grading reuses them). */
    public GradingSession forSubmission(Submission other) {
        return new GradingSession(course, other, farm, false);
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
            farm.close();
        } finally {
            server.close();
        }
    }
}
