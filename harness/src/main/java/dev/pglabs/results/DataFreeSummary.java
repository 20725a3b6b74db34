package dev.pglabs.results;

/**
 * A failure that can say what kind of mistake it found without showing any data: the line students read for a
 * hidden check, whose rows and values must stay secret (the full message goes to the instructor only).
 */
public interface DataFreeSummary {

    /** What went wrong, in words that contain no row, value or input of the check's data. */
    String dataFreeSummary();
}
