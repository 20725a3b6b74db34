package dev.pglabs.provisioning;

import java.util.Locale;

/** The ways to get a PostgreSQL server, in the order the automatic chain tries them. */
public enum ProviderKind {
    /** {@code DATABASE_URL}: docker-compose, a CI service, RDS — any server you point at. */
    URL,
    /** A throwaway container through Testcontainers, when a Docker engine answers. */
    DOCKER,
    /** Real PostgreSQL binaries from Maven Central, started by the harness; needs nothing installed. */
    EMBEDDED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProviderKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown database provider '" + text
                    + "': use auto, url, docker or embedded");
        }
    }
}
