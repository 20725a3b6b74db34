package dev.pglabs.graders.lab04;

import dev.pglabs.grading.TableSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab04.Wording.count;

/** Checks 04 and 05 describe what a script changed in the student's tables: counts per table and a few rows. */
final class RowChanges {

    private RowChanges() {
    }

    static String changedRows(TableSnapshot.Diff diff) {
        if (diff.isEmpty()) {
            return "no row of your tables";
        }
        if (diff.removed().size() == diff.added().size()) {
            Map<String, Long> perTable = diff.added().stream().collect(Collectors.groupingBy(TableSnapshot.Row::table,
                    LinkedHashMap::new, Collectors.counting()));
            return count(diff.added().size(), "row") + " of your tables (" + perTable.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + ")";
        }
        return "your tables: " + count(diff.removed().size(), "row") + " removed or changed, "
                + count(diff.added().size(), "row") + " added or changed (in " + String.join(", ", diff.tables())
                + ")";
    }

    static String diffExcerpt(TableSnapshot.Diff diff) {
        StringBuilder sb = new StringBuilder();
        int shown = 3;
        if (!diff.removed().isEmpty()) {
            sb.append("Rows before (removed or changed):\n");
            diff.removed().stream().limit(shown).forEach(r -> sb.append("  ").append(r.describe()).append('\n'));
            if (diff.removed().size() > shown) {
                sb.append("  … ").append(diff.removed().size() - shown).append(" more\n");
            }
        }
        if (!diff.added().isEmpty()) {
            sb.append("Rows after (added or changed):\n");
            diff.added().stream().limit(shown).forEach(r -> sb.append("  ").append(r.describe()).append('\n'));
            if (diff.added().size() > shown) {
                sb.append("  … ").append(diff.added().size() - shown).append(" more\n");
            }
        }
        return sb.toString().stripTrailing();
    }
}
