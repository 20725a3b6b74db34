package dev.pglabs.notebook;

/** Thrown by the {@code sql(…)} helper when a statement fails, after the error was printed, to stop the cell. */
public final class SqlFailure extends HelperFailure {

    public SqlFailure(String message) {
        super(message);
    }
}
