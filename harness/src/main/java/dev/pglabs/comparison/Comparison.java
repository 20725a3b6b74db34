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
    private final boolean tableState;

    Comparison(Kind kind, String feedback, List<List<Object>> missingRows, List<List<Object>> unexpectedRows,
            Situation situation) {
        this.kind = kind;
        this.tableState = situation.stateAfterScript();
        this.feedback = feedback;
        this.missingRows = Collections.unmodifiableList(new ArrayList<>(missingRows));
        this.unexpectedRows = Collections.unmodifiableList(new ArrayList<>(unexpectedRows));
    }

    static Comparison match() {
        return new Comparison(Kind.MATCH, "", List.of(), List.of(), Situation.QUERY);
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

    /** The data-free line of a result with the right rows in the wrong order (hidden checks name that situation). */
    public static final String RIGHT_ROWS_WRONG_ORDER =
            "Your result holds the right rows, but not in the order the task asks for.";

    /**
     * What kind of difference this is, without any row, value or column of the data: the line students read when
     * the comparison belongs to a hidden check. Empty when the results match.
     */
    public String dataFreeSummary() {
        return summaryOf(kind, tableState);
    }

    /**
     * Whether a hidden check's data-free line says its rows differ (not its columns): the data told them apart. A
     * check may put its own words before the line ("After running your script, …").
     */
    public static boolean describesRows(String summary) {
        for (Kind k : List.of(Kind.ROWS_DIFFER, Kind.WRONG_ORDER)) {
            if (summary != null && (summary.endsWith(summaryOf(k, true)) || summary.endsWith(summaryOf(k, false)))) {
                return true;
            }
        }
        return false;
    }

    private static String summaryOf(Kind kind, boolean tableState) {
        if (tableState) {
            return switch (kind) {
                case MATCH -> "";
                case COLUMN_COUNT, COLUMN_NAMES -> "Afterwards the table's columns are not as expected.";
                case ROWS_DIFFER, WRONG_ORDER -> "On this data the table holds other rows afterwards than expected: "
                        + "some rows that should be there are not, or some that should not be are, or their values "
                        + "differ.";
            };
        }
        return switch (kind) {
            case MATCH -> "";
            case COLUMN_COUNT -> "Your result has a different number of columns than the expected result.";
            case COLUMN_NAMES -> "The columns of your result are not named as the task asks.";
            case ROWS_DIFFER -> "On this data your result holds other rows than the expected result: some expected "
                    + "rows are absent, or some of yours should not be there, or their values differ.";
            case WRONG_ORDER -> RIGHT_ROWS_WRONG_ORDER;
        };
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
