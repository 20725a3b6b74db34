package dev.pglabs.provisioning;

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

    @Override
    void close();
}
