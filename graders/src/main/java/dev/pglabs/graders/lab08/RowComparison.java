package dev.pglabs.graders.lab08;

import dev.pglabs.comparison.Comparison;
import dev.pglabs.grading.Problems;
import dev.pglabs.grading.WrongResult;
import dev.pglabs.graders.lab08.sandboxed.Beans;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The student's rows (read through the entities) against the grader's: by id for the mapping checks, in order for
 * the queries. The feedback shows the first differences; right rows in the wrong order say so in a data-free line,
 * which a hidden check turns into the question about ties and tie-breakers.
 */
final class RowComparison {

    private static final int SHOWN_DIFFERENCES = 6;

    private RowComparison() {
    }

    /** Rows by id (the first column): the first differences, each with the column that differs. */
    static void byId(String what, List<String> columns, List<List<Object>> expected, List<List<Object>> actual) {
        Map<Object, List<Object>> mine = new LinkedHashMap<>();
        actual.forEach(r -> mine.put(r.get(0), r.stream().map(Beans::nullable).toList()));
        Problems differences = new Problems();
        int wrong = 0;
        for (List<Object> row : expected) {
            List<Object> want = row.stream().map(Beans::nullable).toList();
            List<Object> got = mine.remove(want.get(0));
            String diff = got == null ? "missing" : difference(columns, want, got);
            if (diff != null) {
                wrong++;
                differences.addIf(wrong <= SHOWN_DIFFERENCES, what + " " + want.get(0) + ": " + diff);
            }
        }
        if (!mine.isEmpty()) {
            wrong += mine.size();
            differences.add("unexpected " + what + "s with ids " + mine.keySet());
        }
        differences.failIfAny("The grader read every " + what + " through your entities and compared it with the "
                + "table: " + wrong + " of " + expected.size() + " differ.");
    }

    /** Rows in order: the rows that differ by position, or "the right rows in the wrong order". */
    static void inOrder(String shown, List<String> columns, List<List<Object>> expected, List<?> actual) {
        if (expected.equals(actual)) {
            return;
        }
        boolean reordered = actual.size() == expected.size() && new HashSet<>(actual).equals(new HashSet<>(expected));
        StringBuilder sb = new StringBuilder(shown);
        if (reordered) {
            sb.append(" returned the right rows in the wrong order. Columns: ").append(columns);
        } else {
            sb.append(" returned ").append(actual.size()).append(" rows; ").append(expected.size())
                    .append(" were expected. Columns: ").append(columns);
        }
        int shownRows = 0;
        for (int i = 0; i < Math.max(expected.size(), actual.size()) && shownRows < SHOWN_DIFFERENCES; i++) {
            Object want = i < expected.size() ? expected.get(i) : "(nothing)";
            Object got = i < actual.size() ? actual.get(i) : "(nothing)";
            if (!Objects.equals(want, got)) {
                sb.append("\n  row ").append(i + 1).append(": expected ").append(want).append("\n         yours    ")
                        .append(got);
                shownRows++;
            }
        }
        if (reordered) {
            throw new WrongResult(sb.toString(), Comparison.RIGHT_ROWS_WRONG_ORDER);
        }
        throw new AssertionFailedError(sb.toString());
    }

    private static String difference(List<String> columns, List<Object> want, List<Object> got) {
        for (int i = 0; i < columns.size(); i++) {
            if (!Objects.equals(want.get(i), got.get(i))) {
                return columns.get(i) + " should be " + show(want.get(i)) + " but your entity has " + show(got.get(i));
            }
        }
        return null;
    }

    private static String show(Object value) {
        return value instanceof String s && !s.equals("(null)") ? "\"" + s + "\"" : String.valueOf(value);
    }
}
