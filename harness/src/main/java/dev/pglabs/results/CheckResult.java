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
 * @param guards   what the check guards when it guards production data or security ({@code @Check(guards = …)}):
 *                 when it does not pass, the lab's score is capped ({@link ScoreCap}); empty otherwise (and omitted)
 */
public record CheckResult(String id, String title, double points, double max, CheckStatus status,
                          Visibility visibility, String feedback, long durationMs,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) String instructorFeedback,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) String guards) {

    public CheckResult {
        instructorFeedback = instructorFeedback == null ? "" : instructorFeedback;
        guards = guards == null ? "" : guards;
    }

    public CheckResult(String id, String title, double points, double max, CheckStatus status,
                       Visibility visibility, String feedback, long durationMs, String instructorFeedback) {
        this(id, title, points, max, status, visibility, feedback, durationMs, instructorFeedback, "");
    }

    public CheckResult(String id, String title, double points, double max, CheckStatus status,
                       Visibility visibility, String feedback, long durationMs) {
        this(id, title, points, max, status, visibility, feedback, durationMs, "", "");
    }

    /** This result, of a check that guards {@code what} (see {@link #guards()}). */
    public CheckResult guarding(String what) {
        return new CheckResult(id, title, points, max, status, visibility, feedback, durationMs, instructorFeedback,
                what);
    }
}
