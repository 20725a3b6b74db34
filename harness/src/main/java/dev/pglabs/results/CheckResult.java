package dev.pglabs.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one check.
 *
 * @param id       stable id within the lab, e.g. "03-latest-published"
 * @param title    what the check requires, as the student reads it
 * @param points   points earned
 * @param max      points available
 * @param feedback for the student: empty when passed, otherwise what was expected, what happened, a hint. For a
 *                 hidden check it never shows the check's data (see {@code HiddenFeedback})
 * @param instructorFeedback hidden checks only: the full feedback, with the rows and values of the hidden data,
 *                 for the instructor's eyes; empty otherwise (and omitted from JSON)
 */
public record CheckResult(String id, String title, double points, double max, CheckStatus status,
                          Visibility visibility, String feedback, long durationMs,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) String instructorFeedback) {

    public CheckResult {
        instructorFeedback = instructorFeedback == null ? "" : instructorFeedback;
    }

    public CheckResult(String id, String title, double points, double max, CheckStatus status,
                       Visibility visibility, String feedback, long durationMs) {
        this(id, title, points, max, status, visibility, feedback, durationMs, "");
    }
}
