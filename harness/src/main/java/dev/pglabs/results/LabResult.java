package dev.pglabs.results;

import java.util.List;

/** The checks of one lab. {@code id} is the lab folder, e.g. "01-sql-basics". */
public record LabResult(String id, String title, double score, double max, List<CheckResult> checks) {

    public static LabResult of(String id, String title, List<CheckResult> checks) {
        return new LabResult(id, title, Scores.round(checks.stream().mapToDouble(CheckResult::points).sum()),
                Scores.round(checks.stream().mapToDouble(CheckResult::max).sum()), List.copyOf(checks));
    }
}
