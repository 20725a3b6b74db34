package dev.pglabs.provisioning;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The provider chain: {@code DATABASE_URL} → Docker (Testcontainers) → embedded,
 * unless a provider is named explicitly ({@code --db url|docker|embedded}).
 */
public final class Provisioning {

    public static final String DATABASE_URL = "DATABASE_URL";

    private final Map<String, String> environment;
    private final LocalServer courseServer;
    /** Where one-line notices go (falling back from the course server): standard error unless a test listens. */
    private final Consumer<String> notices;

    public Provisioning(Map<String, String> environment) {
        this(environment, line -> System.err.println("pglabs: " + line));
    }

    public Provisioning(Map<String, String> environment, Consumer<String> notices) {
        this.environment = Map.copyOf(environment);
        this.courseServer = LocalServer.fromEnvironment(this.environment);
        this.notices = notices;
    }

    public static Provisioning fromEnvironment() {
        return new Provisioning(System.getenv());
    }

    /** The provider that {@link #start(Optional)} would use, without starting anything. */
    public ProviderKind choose(Optional<ProviderKind> requested) {
        if (requested.isPresent()) {
            return requested.get();
        }
        if (databaseUrl().isPresent()) {
            return ProviderKind.URL;
        }
        if (ContainerServer.dockerAvailable()) {
            return ProviderKind.DOCKER;
        }
        return ProviderKind.EMBEDDED;
    }

    /**
     * The chain: DATABASE_URL, then Docker, then the course server left by {@code pglabs db start} (when it is ours
     * and answers, see {@link LocalServer#running()}), then a private embedded server for this run. A course server
     * that was recorded but does not answer as ours is passed over with a one-line notice.
     */
    public DatabaseServer start(Optional<ProviderKind> requested) {
        ProviderKind kind = choose(requested);
        if (kind == ProviderKind.EMBEDDED) {
            Optional<LocalServer.State> recorded = courseServer.recorded();
            if (recorded.isPresent()) {
                if (LocalServer.verified(recorded.get())) {
                    return new ExternalServer(ProviderKind.EMBEDDED, recorded.get().admin(), COURSE_SERVER + " on port "
                            + recorded.get().port());
                }
                notices.accept(COURSE_SERVER + " does not answer; this run uses a private embedded server "
                        + "('pglabs db start' starts it again).");
            }
        }
        return startFresh(kind);
    }

    static final String COURSE_SERVER = "the course server from 'pglabs db start'";

    /**
     * A farm on a server from {@link #start}. Should that be the course server and it went away since
     * {@link #start} checked it (stopped, or killed, between the check and this first use), the farm goes on a
     * private embedded server instead, with a one-line notice: a grading run never fails for that. Other failures
     * are thrown; the server is closed then.
     */
    public DatabaseFarm farm(DatabaseServer server, SandboxLimits limits) {
        try {
            return new DatabaseFarm(server, limits);
        } catch (RuntimeException e) {
            server.close();
            if (!isCourseServer(server)) {
                throw e;
            }
            notices.accept(COURSE_SERVER + " stopped answering; this run uses a private embedded server.");
        }
        DatabaseServer fresh = startFresh(ProviderKind.EMBEDDED);
        try {
            return new DatabaseFarm(fresh, limits);
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private static boolean isCourseServer(DatabaseServer server) {
        return server instanceof ExternalServer && server.kind() == ProviderKind.EMBEDDED;
    }

    /** The course server of {@code pglabs db start} this environment's cache folder names. */
    public LocalServer courseServer() {
        return courseServer;
    }

    /** Starts (or, for a URL, connects to) a server of this kind, never reusing the course server. */
    public DatabaseServer startFresh(ProviderKind kind) {
        return switch (kind) {
            case URL -> {
                ConnectionTarget target = DatabaseUrl.parse(databaseUrl().orElseThrow(() ->
                        new IllegalStateException("--db url needs the DATABASE_URL environment variable, e.g. "
                                + "DATABASE_URL=postgresql://postgres:postgres@localhost:5432/pglabs")));
                yield new ExternalServer(ProviderKind.URL, target,
                        "PostgreSQL at " + target.host() + ":" + target.port() + " (DATABASE_URL)");
            }
            case DOCKER -> {
                if (!ContainerServer.dockerAvailable()) {
                    throw new IllegalStateException("--db docker needs a running Docker engine, and none answers. "
                            + "Start Docker, or use the embedded server (--db embedded).");
                }
                yield ContainerServer.start();
            }
            case EMBEDDED -> EmbeddedServer.start(Map.of(), ClusterCache.fromEnvironment(environment).orElse(null));
        };
    }

    public Optional<String> databaseUrl() {
        return Optional.ofNullable(environment.get(DATABASE_URL)).filter(s -> !s.isBlank());
    }

    /** Whether a Docker engine answers; exposed so tests can skip the container path with a reason. */
    public static boolean dockerAvailable() {
        return ContainerServer.dockerAvailable();
    }
}
