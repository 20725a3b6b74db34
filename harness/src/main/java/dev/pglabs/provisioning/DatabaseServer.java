package dev.pglabs.provisioning;

import java.util.Map;

/**
 * A running PostgreSQL server the harness may administer: it creates lab templates, check databases
 * and sandbox roles there. Closing it stops what the harness started (never an external server).
 */
public interface DatabaseServer extends AutoCloseable {

    /** Which provider supplied the server. */
    ProviderKind kind();

    /** An administrative login on the server's maintenance database. */
    ConnectionTarget admin();

    /** One line for humans: "embedded PostgreSQL 17.6 on port 40123". */
    String description();

    /** Whether templates built on this server may be kept for later runs ({@link #keepTemplates}). */
    default boolean cachesTemplates() {
        return false;
    }

    /** Templates the server already holds from earlier runs, by dataset hash. */
    default Map<String, String> cachedTemplates() {
        return Map.of();
    }

    /** Asks the server to keep these templates (dataset hash → database) for the next run when it stops. */
    default void keepTemplates(Map<String, String> templates) {
    }

    @Override
    void close();
}
