package dev.pglabs.graders.lab06;

import dev.pglabs.graders.lab06.Bank.Account;
import dev.pglabs.grading.ConcurrentClients.Call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** The calls the concurrent clients make, and the gate statements that hold the contested rows until all wait. */
final class CallPlans {

    private static final String TRANSFER_CALL = "SELECT transfer(?, ?, ?)";
    private static final String BOOK_SEAT_CALL = "SELECT book_seat(?, ?)";

    private CallPlans() {
    }

    /**
     * Transfers among the given accounts, always from a lower to a higher id: whatever order a function locks in,
     * these cannot deadlock, so a check built on them sees lost updates and nothing else.
     */
    static List<List<Call>> downhill(List<Account> accounts, int clients, int callsEach, long seed) {
        List<List<Call>> plan = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed * (i + 1));
            List<Call> calls = new ArrayList<>();
            for (int k = 0; k < callsEach; k++) {
                int from = random.nextInt(accounts.size() - 1);
                int to = from + 1 + random.nextInt(accounts.size() - 1 - from);
                calls.add(transferCall(accounts.get(from).id(), accounts.get(to).id(), smallAmount(random)));
            }
            plan.add(calls);
        }
        return plan;
    }

    /** Transfers between a and b, alternating direction per client and call, so half go each way at any time. */
    static List<List<Call>> bothWays(int a, int b, int clients, int callsEach, long seed) {
        List<List<Call>> plan = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed * (i + 1));
            List<Call> calls = new ArrayList<>();
            for (int k = 0; k < callsEach; k++) {
                boolean forward = (i + k) % 2 == 0;
                calls.add(transferCall(forward ? a : b, forward ? b : a, smallAmount(random)));
            }
            plan.add(calls);
        }
        return plan;
    }

    static Call transferCall(int from, int to, BigDecimal amount) {
        return Call.of("transfer(" + from + ", " + to + ", " + amount + ")", TRANSFER_CALL, from, to, amount);
    }

    static Call bookCall(int show, String customer) {
        return Call.of("book_seat(" + show + ", '" + customer + "')", BOOK_SEAT_CALL, show, customer);
    }

    /** 1.00 to 9.99: small next to the balances of the richest accounts, so no transfer overdraws. */
    static BigDecimal smallAmount(Random random) {
        return BigDecimal.valueOf(100 + random.nextInt(900), 2);
    }

    static String lockAccounts(int... ids) {
        return lockAccounts(Arrays.stream(ids).boxed().toList());
    }

    static String lockAccounts(List<Integer> ids) {
        return "SELECT 1 FROM accounts WHERE id IN (" + ids.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ") ORDER BY id FOR UPDATE";
    }

    static List<Integer> ids(List<Account> accounts) {
        return accounts.stream().map(Account::id).toList();
    }
}
