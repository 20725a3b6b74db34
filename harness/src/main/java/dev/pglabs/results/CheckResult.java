package dev.pglabs.results;

/**
 * The outcome of one check.
 *
 * @param id       stable id within the lab, e.g. "03-latest-published"
 * @param title    what the check requires, as the student reads it
 * @param points   points earned
 * @param max      points available
 * @param feedback for the student: empty when passed, otherwise what was expected, what happened, a hint
 */
public record CheckResult(String id, String title, double points, double max, CheckStatus status,
                          Visibility visibility, String feedback, long durationMs) {
}
