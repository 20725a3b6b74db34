package dev.pglabs.graders.lab06;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.Situation;
import dev.pglabs.comparison.TableFormatter;
import dev.pglabs.graders.lab06.Bank.Account;
import dev.pglabs.graders.lab06.Bank.Show;
import dev.pglabs.grading.ConcurrentClients.Outcome;
import dev.pglabs.grading.ConcurrentClients.Report;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables after the student's functions ran, compared with what the calls should have left behind. */
final class AfterState {

    private AfterState() {
    }

    static void accounts(Bank bank, List<Account> before, Map<Integer, BigDecimal> expected,
                                        String context) {
        List<Account> after = bank.accounts();
        List<List<Object>> rows = new ArrayList<>();
        for (Account a : before) {
            rows.add(List.of(a.id(), a.owner(), expected.get(a.id())));
        }
        ResultTable want = ResultTable.of(List.of("id", "owner", "balance"), rows);
        ResultTable got = ResultTable.of(List.of("id", "owner", "balance"),
                after.stream().map(a -> List.<Object>of(a.id(), a.owner(), a.balance())).toList());
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the accounts are not as expected:\n" + c.feedback());
        }
    }

    static void log(Bank bank, int afterId, List<List<Object>> expectedLog, String context) {
        ResultTable want = ResultTable.of(List.of("from_id", "to_id", "amount"), expectedLog);
        ResultTable got = bank.asAdmin("SELECT from_id, to_id, amount FROM transfers WHERE id > " + afterId);
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the new rows in transfers are not as expected (one "
                    + "row per transfer made, with from_id, to_id and amount):\n" + c.feedback());
        }
    }

    static void shows(Bank bank, List<Show> before, Map<Integer, Integer> expectedLeft,
                                     String context) {
        List<List<Object>> rows = new ArrayList<>();
        for (Show s : before) {
            rows.add(List.of(s.id(), s.title(), s.capacity(), expectedLeft.get(s.id())));
        }
        ResultTable want = ResultTable.of(List.of("id", "title", "capacity", "seats_left"), rows);
        ResultTable got = bank.asAdmin("SELECT id::bigint AS id, title, capacity, seats_left FROM shows");
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the shows are not as expected (seats_left must go "
                    + "down by one for every seat booked):\n" + c.feedback());
        }
    }

    static void bookings(Bank bank, List<Show> before, List<List<Object>> expectedNew, String context) {
        ResultTable want = ResultTable.of(List.of("show_id", "customer"), expectedNew);
        ResultTable got = bank.asAdmin("SELECT show_id, customer FROM bookings WHERE id > "
                + before.stream().mapToInt(Show::maxBookingId).max().orElse(0));
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the new rows in bookings are not as expected (one "
                    + "row per seat booked, with the show and the customer):\n" + c.feedback());
        }
    }

    static void orders(Bank bank, List<List<Object>> expectedOrders, String context) {
        ResultTable want = ResultTable.of(List.of("id", "status"), expectedOrders);
        ResultTable got = bank.asAdmin("SELECT id::bigint AS id, status FROM standing_orders");
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the statuses of the standing orders are not as "
                    + "expected (orders are paid in id order, each one if the payer's balance covers it at that "
                    + "moment; orders that were not pending stay as they are):\n" + c.feedback());
        }
    }

    /** After a concurrent run: each balance moved by exactly the successful transfers, each logged once. */
    static void money(Bank bank, List<Account> before, int logBefore, Report report, String load,
                                   String diagnosis) {
        Map<Integer, BigDecimal> expected = Bank.balances(before);
        int made = 0;
        for (Outcome o : report.succeeded()) {
            int from = (Integer) o.call().params().get(0);
            int to = (Integer) o.call().params().get(1);
            BigDecimal amount = (BigDecimal) o.call().params().get(2);
            expected.merge(from, amount.negate(), BigDecimal::add);
            expected.merge(to, amount, BigDecimal::add);
            made++;
        }
        List<Account> after = bank.accounts();
        List<List<Object>> wrong = new ArrayList<>();
        BigDecimal totalBefore = BigDecimal.ZERO;
        BigDecimal totalAfter = BigDecimal.ZERO;
        for (Account a : after) {
            Account was = before.stream().filter(x -> x.id() == a.id()).findFirst().orElse(null);
            BigDecimal start = was == null ? BigDecimal.ZERO : was.balance();
            totalBefore = totalBefore.add(start);
            totalAfter = totalAfter.add(a.balance());
            BigDecimal want = expected.getOrDefault(a.id(), start);
            if (want.compareTo(a.balance()) != 0) {
                wrong.add(List.of(a.id(), start, want, a.balance(), a.balance().subtract(want)));
            }
        }
        int logged = bank.transferCount() - bank.countUpTo(logBefore);
        StringBuilder problems = new StringBuilder();
        if (!wrong.isEmpty()) {
            problems.append("Afterwards the balances are not what the ").append(made)
                    .append(" successful transfers add up to:\n")
                    .append(TableFormatter.format(List.of("account", "before", "expected", "actual", "difference"),
                            wrong, 10))
                    .append("The bank's total was ").append(totalBefore).append(" before and is ").append(totalAfter)
                    .append(" now");
            int sign = totalAfter.compareTo(totalBefore);
            problems.append(sign == 0 ? " (the same, yet money ended up in the wrong accounts).\n"
                    : sign < 0 ? ": " + totalBefore.subtract(totalAfter) + " vanished.\n"
                    : ": " + totalAfter.subtract(totalBefore) + " appeared from nowhere.\n");
            problems.append(diagnosis).append('\n');
        }
        if (logged != made) {
            problems.append(made).append(" transfers succeeded, but ").append(logged)
                    .append(" rows were added to transfers: log each transfer exactly once, in the same function.\n");
        }
        if (problems.length() > 0) {
            throw new AssertionFailedError(load + ".\n" + problems.toString().stripTrailing());
        }
    }

    static String diffAccounts(List<Account> before, List<Account> after) {
        List<List<Object>> rows = new ArrayList<>();
        for (Account a : after) {
            before.stream().filter(b -> b.id() == a.id() && b.balance().compareTo(a.balance()) != 0).findFirst()
                    .ifPresent(b -> rows.add(List.of(a.id(), b.balance(), a.balance())));
        }
        return rows.isEmpty() ? "" : TableFormatter.format(List.of("account", "balance before", "balance after"), rows, 5);
    }
}
