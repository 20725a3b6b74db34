package dev.pglabs.classroom;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What changed between two class runs (after a grader fix, a regrade, a late submission): per student, the checks
 * whose status or points differ, and students who appear in only one run. Students with no change are left out.
 */
public final class GradeDiff {

    /** One changed check of one student: before and after, each "status points/max" or "absent". */
    public record Change(String lab, String check, String before, String after) {
    }

    /** A student with changes, or who is in one run only. */
    public record StudentChanges(String name, String note, List<Change> changes) {
    }

    private GradeDiff() {
    }

    public static List<StudentChanges> between(List<StudentResult> before, List<StudentResult> after) {
        Map<String, StudentResult> old = byName(before);
        Map<String, StudentResult> now = byName(after);
        TreeSet<String> names = new TreeSet<>(ClassRoster.NAME_ORDER);
        names.addAll(old.keySet());
        names.addAll(now.keySet());
        List<StudentChanges> result = new ArrayList<>();
        for (String name : names) {
            StudentResult a = old.get(name);
            StudentResult b = now.get(name);
            if (a == null || b == null) {
                result.add(new StudentChanges(name, a == null ? "only in the new run" : "only in the old run", List.of()));
                continue;
            }
            if (a.result().isEmpty() || b.result().isEmpty()) {
                if (a.result().isPresent() != b.result().isPresent()) {
                    result.add(new StudentChanges(name, b.result().isEmpty() ? "could not be graded in the new run: "
                            + b.problem() : "graded now (could not be graded in the old run)", List.of()));
                }
                continue;
            }
            List<Change> changes = changes(a.result().get(), b.result().get());
            if (!changes.isEmpty()) {
                result.add(new StudentChanges(name, "", changes));
            }
        }
        return result;
    }

    private static List<Change> changes(SubmissionResult a, SubmissionResult b) {
        Map<String, CheckResult> old = checks(a);
        Map<String, CheckResult> now = checks(b);
        List<Change> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            Optional<CheckResult> x = Optional.ofNullable(old.get(key));
            Optional<CheckResult> y = Optional.ofNullable(now.get(key));
            String before = x.map(GradeDiff::show).orElse("absent");
            String after = y.map(GradeDiff::show).orElse("absent");
            if (!before.equals(after)) {
                String[] parts = key.split(" ", 2);
                changes.add(new Change(parts[0], parts[1], before, after));
            }
        }
        return changes;
    }

    private static Map<String, CheckResult> checks(SubmissionResult result) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        for (LabResult lab : result.labs()) {
            for (CheckResult check : lab.checks()) {
                checks.put(lab.id() + " " + check.id(), check);
            }
        }
        return checks;
    }

    private static String show(CheckResult check) {
        return check.status().toString().toLowerCase(Locale.ROOT) + " " + number(check.points()) + "/"
                + number(check.max());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Map<String, StudentResult> byName(List<StudentResult> students) {
        Map<String, StudentResult> map = new LinkedHashMap<>();
        students.forEach(s -> map.put(s.name(), s));
        return map;
    }
}
