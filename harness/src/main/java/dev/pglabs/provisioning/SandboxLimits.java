package dev.pglabs.provisioning;

import java.time.Duration;

/**
 * The limits a student's database session runs under.
 *
 * @param statementTimeout how long one statement may run before the harness cancels it
 * @param lockTimeout      how long a statement may wait for a lock
 * @param maxRows          rows read from one result; more means the query is wrong anyway
 * @param connections      connection limit of the student's role
 * @param tempFileLimit    server-enforced cap on temporary files (e.g. huge sorts)
 */
public record SandboxLimits(Duration statementTimeout, Duration lockTimeout, int maxRows, int connections,
                            String tempFileLimit) {

    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(5), Duration.ofSeconds(2), 10_000, 16, "256MB");
    }

    public SandboxLimits withStatementTimeout(Duration timeout) {
        return new SandboxLimits(timeout, lockTimeout, maxRows, connections, tempFileLimit);
    }
}
