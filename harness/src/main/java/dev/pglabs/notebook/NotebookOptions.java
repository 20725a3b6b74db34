package dev.pglabs.notebook;

import java.time.Duration;

/**
 * How cells run.
 *
 * @param cellTimeout   time limit of one cell; a slower cell is stopped and reported, and the session goes on
 * @param displayRows   rows shown of a query result (the row count is always shown)
 */
public record NotebookOptions(Duration cellTimeout, int displayRows) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_ROWS = 20;

    public static NotebookOptions defaults() {
        return new NotebookOptions(DEFAULT_TIMEOUT, DEFAULT_ROWS);
    }

    public NotebookOptions withCellTimeout(Duration timeout) {
        return new NotebookOptions(timeout, displayRows);
    }

    /** Human form of the time limit for messages: "10 s", "500 ms". */
    String timeoutText() {
        long ms = cellTimeout.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
