package dev.pglabs.graders.lab07.sandboxed;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.Serializable;
import java.sql.SQLException;

/**
 * A Flyway failure as data: what the feedback explains (the script, the line, PostgreSQL's error), whether it came
 * from the grader's own Flyway or from the student's in the worker.
 *
 * @param migrate  a migration failed to apply ({@code FlywayMigrateException})
 * @param validate validation failed ({@code FlywayValidateException})
 */
public record FlywayFailure(boolean migrate, boolean validate, String message, String script, int lineNumber,
                            String sqlState, String serverMessage, String serverDetail, String sqlMessage)
        implements Serializable {

    public static FlywayFailure of(FlywayException e) {
        String script = null;
        int line = 0;
        if (e instanceof FlywayMigrateException m) {
            MigrationInfo migration = m.getMigration();
            script = migration == null ? null : migration.getScript();
            line = m.getLineNumber();
        }
        PSQLException sql = psql(e);
        ServerErrorMessage server = sql == null ? null : sql.getServerErrorMessage();
        return new FlywayFailure(e instanceof FlywayMigrateException, e instanceof FlywayValidateException,
                e.getMessage(), script, line, sql == null ? null : sql.getSQLState(),
                server == null ? null : server.getMessage(), server == null ? null : server.getDetail(),
                sql == null ? null : sql.getMessage());
    }

    /** The same failure with a path replaced in its messages (the worker's copy of a folder by the one shown). */
    public FlywayFailure replacing(String path, String shown) {
        return new FlywayFailure(migrate, validate, replace(message, path, shown), script, lineNumber, sqlState,
                replace(serverMessage, path, shown), replace(serverDetail, path, shown), replace(sqlMessage, path, shown));
    }

    private static String replace(String text, String path, String shown) {
        return text == null ? null : text.replace(path, shown);
    }

    private static PSQLException psql(Throwable t) {
        for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
            if (t instanceof PSQLException p) {
                return p;
            }
            if (t instanceof SQLException s && s.getNextException() instanceof PSQLException p) {
                return p;
            }
        }
        return null;
    }
}
