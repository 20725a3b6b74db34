package dev.pglabs.graders.lab06;

import dev.pglabs.graders.lab06.Bank.Account;
import dev.pglabs.grading.Problems;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSqlException;

import java.math.BigDecimal;
import java.util.List;

import static dev.pglabs.graders.lab06.ClientReports.describe;
import static dev.pglabs.graders.lab06.ClientReports.firstErrorLine;
import static dev.pglabs.graders.lab06.Lab06TransactionsGrader.CHECK_VIOLATION;
import static dev.pglabs.graders.lab06.Lab06TransactionsGrader.RAISE_EXCEPTION;

/** Check 01-transfer-refusals: calls that transfer() must refuse with an exception, each leaving the data as it was. */
final class Refusals {

    /** One call to refuse, why, and whether only the function's own RAISE EXCEPTION (P0001) counts as refusing. */
    record Refusal(int from, int to, BigDecimal amount, String why, boolean mustRaiseOwnError) {
    }

    private Refusals() {
    }

    static Problems problems(CheckDatabase db, Bank bank, List<Refusal> cases) {
        Problems problems = new Problems();
        for (Refusal r : cases) {
            String call = "SELECT transfer(" + r.from() + ", " + r.to() + ", " + r.amount() + ")";
            List<Account> stateBefore = bank.accounts();
            int logBefore = bank.transferCount();
            String raised = null;
            String message = null;
            try {
                db.student().execute(call, "your transfer() (called as " + call + ")");
            } catch (StudentSqlException e) {
                raised = e.sqlState();
                message = firstErrorLine(e.getMessage());
            }
            List<Account> stateAfter = bank.accounts();
            boolean unchanged = stateAfter.equals(stateBefore) && bank.transferCount() == logBefore;
            if (raised == null) {
                problems.add(call + " returned normally, but " + r.why() + ": it must raise an exception"
                        + (unchanged ? "." : ", and it changed data:\n"
                        + AfterState.diffAccounts(stateBefore, stateAfter)
                        + (bank.transferCount() != logBefore ? "  and it added a row to transfers.\n" : "")));
            } else if (raised != null && raised.startsWith("42")) {
                problems.add(call + " failed with " + describe(raised, message) + ". That is a mistake in the "
                        + "function's SQL, not a refusal: fix it so that the function can run.");
            } else if (r.mustRaiseOwnError() && !RAISE_EXCEPTION.equals(raised)) {
                problems.add(call + " was refused, but only by " + describe(raised, message)
                        + (CHECK_VIOLATION.equals(raised) ? ": the table's CHECK (balance >= 0) stopped it, not your "
                        + "function. The constraint is the safety net; transfer() must check the balance itself and "
                        + "RAISE EXCEPTION 'insufficient funds …' (SQLSTATE P0001), so the caller can tell the "
                        + "customer why." : ". For an overdraft, check the balance and RAISE EXCEPTION "
                        + "'insufficient funds …' (SQLSTATE P0001)."));
            }
        }
        return problems;
    }
}
