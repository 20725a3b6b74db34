package dev.pglabs.grading;

import dev.pglabs.results.DataFreeSummary;
import org.opentest4j.AssertionFailedError;

/**
 * The answer ran and its result is wrong: the full feedback (with the rows and values that differ) plus a line
 * that says what kind of mistake it is without any data, which is all students see when the check is hidden.
 */
public final class WrongResult extends AssertionFailedError implements DataFreeSummary {

    private final String dataFreeSummary;

    public WrongResult(String feedback, String dataFreeSummary) {
        super(feedback);
        this.dataFreeSummary = dataFreeSummary;
    }

    @Override
    public String dataFreeSummary() {
        return dataFreeSummary;
    }

    /** A check's body, as graders write it. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs a hidden check's body and gives its wrong-answer failures (assertion errors, {@link PartialCredit}) this
     * data-free summary, which is what students read; other failures (a missing file, an error) keep theirs.
     */
    public static void summarising(String dataFreeSummary, Body body) throws Exception {
        try {
            body.run();
        } catch (PartialCredit partial) {
            throw (PartialCredit) partial.withDataFreeSummary(dataFreeSummary);
        } catch (WrongResult wrong) {
            throw new WrongResult(wrong.getMessage(), dataFreeSummary);
        } catch (AssertionError wrong) {
            throw new WrongResult(wrong.getMessage(), dataFreeSummary);
        }
    }
}
