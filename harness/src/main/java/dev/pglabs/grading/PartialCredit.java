package dev.pglabs.grading;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

/** Ends a check as failed but with some points earned (e.g. 2 of 3 constraints right). */
public final class PartialCredit extends CheckFailure {

    private final double earned;

    public PartialCredit(double earned, String feedback) {
        super(CheckStatus.FAILED, feedback);
        this.earned = earned;
    }

    public double earned() {
        return earned;
    }
}
