package dev.pglabs.graders.lab08;

import dev.pglabs.grading.WrongResult;
import dev.pglabs.orm.SqlBudget;
import dev.pglabs.orm.StatementLog;
import org.opentest4j.AssertionFailedError;

import java.util.List;

/**
 * The rules on what a repository call sends: a budget of statements, no lazy loading where the task forbids it.
 * Failures list the statements, and say in a data-free line (all a hidden check shows) that the cause is the
 * statements sent, not the rows: a hidden run on other data can exceed a budget the visible data happened to meet.
 */
final class Statements {

    /** Ebean labels its lazy loads so (the statement log keeps the label in the SQL text). */
    static final String LAZY = "__lazy";

    static final String OVER_BUDGET = "Your code sent more SQL statements than this exercise allows (a query per "
            + "row, or relations loaded lazily one batch at a time): the count grows with the data, which is what "
            + "the budget forbids.";
    static final String LAZY_LOADED = "Your code lazy-loaded a relation that the query had not fetched; this "
            + "exercise forbids lazy loading, even when the statement count stays within the budget.";

    private Statements() {
    }

    static void within(StudentRepository.Outcome<?> run, int budget, String operation, String advice) {
        try {
            SqlBudget.assertWithin(run.statements(), budget, operation, advice);
        } catch (AssertionFailedError over) {
            throw new WrongResult(over.getMessage(), OVER_BUDGET);
        }
    }

    /** No statement of the call is one of Ebean's lazy loads (batched lazy loads can fit a budget: not this rule). */
    static void noLazyLoading(StudentRepository.Outcome<?> run, String operation, String advice) {
        long lazy = run.statements().stream().filter(s -> s.sql().contains(LAZY)).count();
        if (lazy > 0) {
            throw new WrongResult(operation + " lazy-loaded: " + lazy + " of its statements are marked " + LAZY
                    + ", Ebean going back to the database for a relation the query had not fetched. The task forbids "
                    + "lazy loading here, also when the count stays within the budget (Ebean batches lazy loads, so "
                    + "the count hides them on small data).\n" + SqlBudget.listing(run.statements()) + "\n" + advice,
                    LAZY_LOADED);
        }
    }

    /** The statements with the transaction events between them (COMMIT, ROLLBACK), autocommit switches left out. */
    static String withTransactions(List<StatementLog.Entry> entries) {
        StringBuilder sb = new StringBuilder("What it sent (COMMIT marks the end of a transaction):");
        int i = 0;
        for (StatementLog.Entry e : entries) {
            if (e.sql().startsWith("(autocommit")) {
                continue;
            }
            sb.append(String.format("%n  %2d. ", ++i)).append(e.shown());
            if (i >= 20) {
                sb.append("\n  …");
                break;
            }
        }
        return sb.toString();
    }
}
