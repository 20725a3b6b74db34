package dev.pglabs.provisioning;

import java.util.Map;
import java.util.Optional;

/**
 * The provider chain of DESIGN.md §5: {@code DATABASE_URL} → Docker (Testcontainers) → embedded,
 * unless a provider is named explicitly ({@code --db url|docker|embedded}).
 */
public final class Provisioning {

    public static final String DATABASE_URL = "DATABASE_URL";

    private final Map<String, String> environment;

    public Provisioning(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
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
     * The chain: DATABASE_URL, then Docker, then the course server left by {@code pglabs db start},
     * then a private embedded server for this run.
     */
    public DatabaseServer start(Optional<ProviderKind> requested) {
        ProviderKind kind = choose(requested);
        if (kind == ProviderKind.EMBEDDED) {
            Optional<LocalServer.State> local = LocalServer.running();
            if (local.isPresent()) {
                return new ExternalServer(ProviderKind.EMBEDDED, local.get().admin(),
                        "the course server from 'pglabs db start' on port " + local.get().port());
            }
        }
        return startFresh(kind);
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
