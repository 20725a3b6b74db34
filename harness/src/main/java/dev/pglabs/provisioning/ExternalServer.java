package dev.pglabs.provisioning;

/**
 * A server the harness did not start for this run: the one {@code DATABASE_URL} names, or the
 * course's own server left running by {@code pglabs db start}. The harness never stops it.
 */
final class ExternalServer implements DatabaseServer {

    private final ProviderKind kind;
    private final ConnectionTarget admin;
    private final String description;

    ExternalServer(ProviderKind kind, ConnectionTarget admin, String description) {
        this.kind = kind;
        this.admin = admin;
        this.description = description;
    }

    @Override
    public ProviderKind kind() {
        return kind;
    }

    @Override
    public ConnectionTarget admin() {
        return admin;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
