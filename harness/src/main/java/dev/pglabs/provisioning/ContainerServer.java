package dev.pglabs.provisioning;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Map;

/** A throwaway PostgreSQL container, used when a Docker engine answers. */
final class ContainerServer implements DatabaseServer {

    /** Pinned like the docker-compose service, so both paths grade on the same major version. */
    static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;
    private final ConnectionTarget admin;

    private ContainerServer(PostgreSQLContainer container) {
        this.container = container;
        this.admin = new ConnectionTarget(container.getHost(), container.getMappedPort(5432),
                container.getDatabaseName(), container.getUsername(), container.getPassword(), Map.of());
    }

    /** True when Testcontainers can reach a Docker engine (it answers within about a second when none runs). */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ContainerServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("pglabs")
                .withUsername("pglabs")
                .withPassword("pglabs")
                // Throwaway data: trade durability for speed, as the embedded server does.
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=200");
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.DOCKER;
    }

    @Override
    public ConnectionTarget admin() {
        return admin;
    }

    @Override
    public String description() {
        return "PostgreSQL container " + IMAGE + " on port " + admin.port();
    }

    @Override
    public void close() {
        container.stop();
    }
}
