package dev.pglabs.comparison;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of comparing a student's result with the reference: a verdict and feedback for the student. */
public final class Comparison {

    /** What went wrong, checked in this order: columns first, then rows, then order. */
    public enum Kind {
        MATCH,
        COLUMN_COUNT,
        COLUMN_NAMES,
        ROWS_DIFFER,
        WRONG_ORDER
    }

    private final Kind kind;
    private final String feedback;
    private final List<List<Object>> missingRows;
    private final List<List<Object>> unexpectedRows;

    Comparison(Kind kind, String feedback, List<List<Object>> missingRows, List<List<Object>> unexpectedRows) {
        this.kind = kind;
        this.feedback = feedback;
        this.missingRows = Collections.unmodifiableList(new ArrayList<>(missingRows));
        this.unexpectedRows = Collections.unmodifiableList(new ArrayList<>(unexpectedRows));
    }

    static Comparison match() {
        return new Comparison(Kind.MATCH, "", List.of(), List.of());
    }

    public boolean matches() {
        return kind == Kind.MATCH;
    }

    public Kind kind() {
        return kind;
    }

    /** A message for the student saying what differs and how to fix it; empty when the results match. */
    public String feedback() {
        return feedback;
    }

    /** Rows of the expected result that the student's result lacks (all of them, not only those shown). */
    public List<List<Object>> missingRows() {
        return missingRows;
    }

    /** Rows of the student's result that are not in the expected result. */
    public List<List<Object>> unexpectedRows() {
        return unexpectedRows;
    }

    /** For graders written as JUnit tests: fails with the feedback as the message. */
    public void assertMatches() {
        if (!matches()) {
            throw new AssertionError(feedback);
        }
    }

    @Override
    public String toString() {
        return matches() ? "MATCH" : kind + ":\n" + feedback;
    }
}
