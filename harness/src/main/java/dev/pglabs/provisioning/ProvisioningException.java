package dev.pglabs.provisioning;

/** The harness could not get a database to grade with: a set-up problem, never the student's fault. */
public class ProvisioningException extends RuntimeException {
    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
