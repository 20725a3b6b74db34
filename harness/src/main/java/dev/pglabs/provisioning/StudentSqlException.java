package dev.pglabs.provisioning;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

/** PostgreSQL rejected the student's SQL. The message names the file, the line, the SQLSTATE and a hint. */
public final class StudentSqlException extends CheckFailure {

    private final String sqlState;

    StudentSqlException(String message, String sqlState, Throwable cause) {
        super(CheckStatus.ERROR, message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
