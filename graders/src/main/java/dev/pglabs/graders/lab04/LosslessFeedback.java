package dev.pglabs.graders.lab04;

import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab04.Lab04NormalizationGrader.FLAT_COLUMNS;
import static dev.pglabs.graders.lab04.Wording.count;

/** Check 03's notes under a failed comparison: which columns differ on paired lines, and which types differ. */
final class LosslessFeedback {

    private LosslessFeedback() {
    }

    /**
     * Pairs the missing and unexpected lines by the flat file's key (order_id, product_sku) and says which columns
     * differ: "unit_price on 25 lines" points straight at the design mistake.
     */
    static String columnNote(Comparison comparison, ResultTable expected) {
        int order = FLAT_COLUMNS.indexOf("order_id");
        int sku = FLAT_COLUMNS.indexOf("product_sku");
        Map<List<String>, List<Object>> missing = new LinkedHashMap<>();
        for (List<Object> row : comparison.missingRows()) {
            missing.putIfAbsent(List.of(String.valueOf(row.get(order)), String.valueOf(row.get(sku))), row);
        }
        Map<String, Integer> differing = new LinkedHashMap<>();
        int paired = 0;
        for (List<Object> row : comparison.unexpectedRows()) {
            List<Object> want = missing.remove(List.of(String.valueOf(row.get(order)), String.valueOf(row.get(sku))));
            if (want == null) {
                continue;
            }
            paired++;
            for (int c = 0; c < want.size(); c++) {
                if (!sameValue(want.get(c), row.get(c))) {
                    differing.merge(expected.columns().get(c), 1, Integer::sum);
                }
            }
        }
        if (paired == 0 || differing.isEmpty()) {
            return "";
        }
        return "\nOn " + count(paired, "line") + " that your view does have (same order_id and product_sku), these "
                + "columns differ from orders_flat: " + differing.entrySet().stream()
                .map(e -> e.getKey() + " (" + count(e.getValue(), "line") + ")").collect(Collectors.joining(", "))
                + ". Which of your tables holds that value, and does that table's key really determine it?";
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    static String typeNote(ResultTable expected, ResultTable actual) {
        if (expected.columnTypes().isEmpty() || actual.columnTypes().size() != expected.columnTypes().size()) {
            return "";
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < expected.columnTypes().size(); i++) {
            String want = expected.columnTypes().get(i);
            String got = actual.columnTypes().get(i);
            if (!sameKindOfType(want, got)) {
                notes.add(actual.columns().get(i) + " is " + got + " in your view but " + want + " in orders_flat");
            }
        }
        return notes.isEmpty() ? "" : "\nColumn types differ: " + String.join("; ", notes) + ". A value can change "
                + "when it is stored in another type (19.90 in a real column becomes 19.899999618530273; a date "
                + "in a timestamp column gets a time): use the same types as orders_flat.";
    }

    private static boolean sameKindOfType(String a, String b) {
        Set<String> integers = Set.of("int2", "int4", "int8", "numeric");
        Set<String> texts = Set.of("text", "varchar");
        return a.equals(b) || (integers.contains(a) && integers.contains(b))
                || (texts.contains(a) && texts.contains(b));
    }
}
