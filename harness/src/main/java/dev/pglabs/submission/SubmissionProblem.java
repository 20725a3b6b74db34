package dev.pglabs.submission;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

/** A file of the submission is missing, empty or unreadable; the message says what to do about it. */
public final class SubmissionProblem extends CheckFailure {
    public SubmissionProblem(CheckStatus status, String message) {
        super(status, message);
    }
}
