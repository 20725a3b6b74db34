package dev.pglabs.provisioning;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

/** The student's statement ran past its time limit (or waited too long for a lock) and was stopped. */
public final class StatementTimeoutException extends CheckFailure {
    StatementTimeoutException(String message, Throwable cause) {
        super(CheckStatus.TIMEOUT, message, cause);
    }
}
