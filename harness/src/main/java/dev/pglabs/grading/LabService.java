package dev.pglabs.grading;

/**
 * A program outside the database that a lab's checks need ({@link Grader#services()}). It is infrastructure, not the
 * student's work: when it cannot run, the lab is not graded at all ({@link LabServiceUnavailableException}), rather
 * than graded with failed checks.
 */
public enum LabService {
    /** Lab 11's DynamoDB emulator (dynalite on Node.js). */
    DYNAMODB_EMULATOR("the DynamoDB emulator");

    private final String description;

    LabService(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
