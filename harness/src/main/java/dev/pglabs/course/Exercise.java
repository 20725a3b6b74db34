package dev.pglabs.course;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exercise of a lab: the checks whose ids start with its number ("03-latest-published" and
 * "03-latest-published-ties" are exercise 03), answered in the lab file of the same number ("03-latest-published.sql").
 * Java sources and migrations carry no number: a change to them belongs to no single exercise.
 */
public record Exercise(String number, List<CheckResult> checks) {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{2})-");

    /** The exercise number of a check id or a lab file name, if it has one. */
    public static Optional<String> numberOf(String name) {
        Matcher m = NUMBERED.matcher(name);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The lab's exercises in the order of their first check; a check without a number is an exercise of its own. */
    public static List<Exercise> of(LabResult result) {
        Map<String, List<CheckResult>> byNumber = new LinkedHashMap<>();
        for (CheckResult check : result.checks()) {
            byNumber.computeIfAbsent(numberOf(check.id()).orElse(check.id()), n -> new ArrayList<>()).add(check);
        }
        return byNumber.entrySet().stream().map(e -> new Exercise(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** Whether this is a numbered exercise, not a check without a number standing on its own. */
    public boolean numbered() {
        return checks.stream().allMatch(c -> numberOf(c.id()).filter(number::equals).isPresent());
    }

    public boolean passed() {
        return checks.stream().allMatch(c -> c.status() == CheckStatus.PASSED);
    }
}
