package dev.pglabs.graders.lab06;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.graders.lab06.Bank.Account;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSqlException;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.pglabs.graders.lab06.ClientReports.firstErrorLine;
import static dev.pglabs.graders.lab06.Lab06TransactionsGrader.RAISE_EXCEPTION;

/**
 * Check 03's expectation, worked out from the data before the student's batch runs: the pending orders in id order,
 * each paid when the payer's balance at that moment covers it, otherwise failed; the others as they were.
 */
final class StandingOrders {

    record Expected(Map<Integer, BigDecimal> balances, List<List<Object>> log, List<List<Object>> orders, int paid,
                    int pending) {
    }

    static final String CALL = "SELECT pay_standing_orders()";

    private StandingOrders() {
    }

    /** Runs the batch once as the student and returns what it returned; a batch stopped by a refusal fails. */
    static Object pay(CheckDatabase db) {
        ResultTable result;
        try {
            result = db.student().query(CALL, "your pay_standing_orders() (called as " + CALL + ")");
        } catch (StudentSqlException e) {
            if (RAISE_EXCEPTION.equals(e.sqlState())) {
                throw new AssertionFailedError(CALL + " stopped with an error, so the whole batch was rolled back "
                        + "and no order was paid:\n  ERROR: " + firstErrorLine(e.getMessage())
                        + "\nOne order that cannot be paid must not stop the others: catch its error around that "
                        + "one transfer (BEGIN … EXCEPTION WHEN raise_exception THEN … END), mark it 'failed' and "
                        + "go on.");
            }
            throw e;
        }
        return result.rows().isEmpty() || result.rows().get(0).isEmpty() ? null : result.rows().get(0).get(0);
    }

    static Expected expect(Bank bank, List<Account> before) {
        Map<Integer, BigDecimal> balances = Bank.balances(before);
        List<List<Object>> expectedLog = new ArrayList<>();
        List<List<Object>> expectedOrders = new ArrayList<>();
        int paid = 0;
        int pending = 0;
        for (List<Object> row : bank.asAdmin("SELECT id, from_id, to_id, amount, status FROM standing_orders ORDER BY id")
                .rows()) {
            int id = Bank.intOf(row.get(0));
            int from = Bank.intOf(row.get(1));
            int to = Bank.intOf(row.get(2));
            BigDecimal amount = Bank.decimalOf(row.get(3));
            String status = (String) row.get(4);
            if (status.equals("pending")) {
                pending++;
                if (balances.get(from).compareTo(amount) >= 0) {
                    Bank.move(balances, expectedLog, from, to, amount);
                    status = "paid";
                    paid++;
                } else {
                    status = "failed";
                }
            }
            expectedOrders.add(List.of(id, status));
        }
        return new Expected(balances, expectedLog, expectedOrders, paid, pending);
    }
}
