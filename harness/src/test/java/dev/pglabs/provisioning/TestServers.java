package dev.pglabs.provisioning;

import java.util.Optional;

/** One server for the harness's own database tests: the provider chain decides (DATABASE_URL or embedded). */
public final class TestServers {

    private static DatabaseServer server;

    private TestServers() {
    }

    public static synchronized DatabaseServer shared() {
        if (server == null) {
            server = Provisioning.fromEnvironment().start(Optional.empty());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pglabs-test-server"));
        }
        return server;
    }
}
