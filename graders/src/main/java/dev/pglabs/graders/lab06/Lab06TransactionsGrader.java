package dev.pglabs.graders.lab06;

import dev.pglabs.graders.lab06.Bank.Account;
import dev.pglabs.graders.lab06.Bank.Show;
import dev.pglabs.graders.lab06.Refusals.Refusal;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.ConcurrentClients;
import dev.pglabs.grading.ConcurrentClients.Call;
import dev.pglabs.grading.ConcurrentClients.Isolation;
import dev.pglabs.grading.ConcurrentClients.Options;
import dev.pglabs.grading.ConcurrentClients.Outcome;
import dev.pglabs.grading.ConcurrentClients.Report;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab06.CallPlans.downhill;
import static dev.pglabs.graders.lab06.CallPlans.ids;
import static dev.pglabs.graders.lab06.CallPlans.lockAccounts;
import static dev.pglabs.graders.lab06.ClientReports.examples;
import static dev.pglabs.graders.lab06.ClientReports.failIfBroken;
import static dev.pglabs.graders.lab06.ClientReports.firstWith;
import static dev.pglabs.graders.lab06.ClientReports.otherFailures;
import static dev.pglabs.graders.lab06.StudentFunctions.bookAndExpect;
import static dev.pglabs.graders.lab06.StudentFunctions.callTransfer;

/**
 * Grades lab 06 (transactions). The student writes PL/pgSQL functions; the grader calls them from one session
 * for the rules (amounts, refusals, return values) and from many sessions at once for what only concurrency
 * shows: deadlocks, lost updates, oversold seats. Concurrent runs use {@link ConcurrentClients} with a gate —
 * the grader holds the contested rows locked until every client waits, then lets them all go — so a
 * read-then-write or check-then-act answer fails on every run and a correct one passes on every run.
 * Accounts, shows and amounts are taken from the data, and the single-session and seat-race checks run hidden
 * on a variant dataset, so answers that hard-code ids fail.
 */
@Grader(lab = "06-transactions")
@DisplayName("Lab 06 · Transactions")
class Lab06TransactionsGrader {

    private static final String HIDDEN_DATA = "hidden";
    private static final String TRANSFER = "01-transfer.sql";
    static final String BOOK_SEAT = "02-book-seat.sql";
    private static final String STANDING_ORDERS = "03-standing-orders.sql";

    static final String DEADLOCK = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";
    static final String RAISE_EXCEPTION = "P0001";
    static final String CHECK_VIOLATION = "23514";
    private static final int MAX_RETRIES = 100;

    // ---- 01 transfer ------------------------------------------------------------------------------------

    @Check(id = "01-transfer", hiddenOn = HIDDEN_DATA,
            hint = "Subtract from one balance, add to the other and INSERT a row into transfers, all in the one "
                    + "function call. Moving a whole balance is allowed: the balance may end at exactly 0.00.")
    @DisplayName("01 transfer() moves money between two accounts and logs every transfer")
    void e01a_transfer(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        StudentFunctions.install(db.student(), answer);
        StudentFunctions.require(bank, answer, "transfer", 3, null);

        List<Account> before = bank.accounts();
        List<Account> positive = Bank.poorestFirst(before);
        Account a = positive.get(0);
        Account b = positive.get(1);
        int transfersBefore = bank.maxTransferId();

        Map<Integer, BigDecimal> expected = Bank.balances(before);
        List<List<Object>> expectedLog = new ArrayList<>();
        List<String> steps = new ArrayList<>();

        BigDecimal first = Bank.money("5.25");
        callTransfer(db, answer, b.id(), a.id(), first, steps,
                "moves " + first + " from account " + b.id() + " (balance " + b.balance() + ") to account " + a.id());
        Bank.move(expected, expectedLog, b.id(), a.id(), first);

        BigDecimal whole = expected.get(a.id());
        callTransfer(db, answer, a.id(), b.id(), whole, steps,
                "moves the whole balance of account " + a.id() + " (" + whole + ") to account " + b.id()
                        + "; that is allowed, the balance becomes 0.00");
        Bank.move(expected, expectedLog, a.id(), b.id(), whole);

        String done = "The grader called, one after the other:\n" + String.join("\n", steps) + "\n";
        AfterState.accounts(bank, before, expected, done);
        AfterState.log(bank, transfersBefore, expectedLog, done);
    }

    @Check(id = "01-transfer-refusals", hiddenOn = HIDDEN_DATA,
            guards = "the accounts against overdrafts, negative amounts and money sent to no account",
            hint = "Each refusal is a check before anything changes: a missing account, a non-positive amount, too "
                    + "little money. An exception in a function undoes what it did.")
    @DisplayName("01 transfer() raises an exception and changes nothing for an overdraft, an amount ≤ 0 or an unknown account")
    void e01b_transferRefusals(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        StudentFunctions.install(db.student(), answer);
        StudentFunctions.require(bank, answer, "transfer", 3, null);

        List<Account> accounts = bank.accounts();
        List<Account> positive = Bank.poorestFirst(accounts);
        Account poor = positive.get(0);
        Account other = positive.get(1);
        int unknown = accounts.stream().mapToInt(Account::id).max().orElse(0) + 1000;

        List<Refusal> cases = List.of(
                new Refusal(poor.id(), other.id(), poor.balance().add(Bank.money("0.01")),
                        "account " + poor.id() + " has only " + poor.balance() + " (an overdraft)", true),
                new Refusal(other.id(), poor.id(), Bank.money("0.00"), "the amount is 0", false),
                new Refusal(poor.id(), other.id(), Bank.money("-10.00"),
                        "the amount is negative (it would take money from account " + other.id() + ")", false),
                new Refusal(other.id(), unknown, Bank.money("1.00"), "account " + unknown + " does not exist", false),
                new Refusal(unknown, other.id(), Bank.money("1.00"), "account " + unknown + " does not exist", false));

        Refusals.problems(db, bank, cases).failIfAny("transfer() must refuse these transfers with an exception, so "
                + "that the whole transfer is rolled back:");
    }

    @Check(id = "01-transfer-no-deadlock", points = 2,
            hint = "Two transfers in opposite directions lock the same two rows. If every transfer locks them in "
                    + "the same order (which order is the same for both?), neither waits for the other forever.")
    @DisplayName("01 transfer() never deadlocks when many clients transfer in opposite directions at once")
    void e01c_transferNoDeadlock(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        List<Account> hot = bank.richest(2);
        int a = hot.get(0).id();
        int b = hot.get(1).id();
        int clients = 8;
        List<List<Call>> plan = CallPlans.bothWays(a, b, clients, 15, 6_003L);
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, clients)) {
            StudentFunctions.install(cc.session(0), answer);
            StudentFunctions.require(bank, answer, "transfer", 3, null);
            // Two stages: first A opens, so a transfer A→B takes A and queues for B behind a transfer B→A that
            // waits for B; then B opens. An answer that locks in the direction of the transfer deadlocks on every
            // run; one that locks the lower id first never does.
            report = cc.run(plan, Options.readCommitted().gates(lockAccounts(a), lockAccounts(b)));
        }
        String load = clients + " clients made " + report.outcomes().size() + " transfers between accounts " + a
                + " and " + b + " at the same time, half of them in each direction (READ COMMITTED)";
        failIfBroken(report, "transfer()", load);
        long deadlocks = report.failedWith(DEADLOCK);
        if (deadlocks > 0) {
            throw new AssertionFailedError(load + ": " + deadlocks + " failed with deadlock_detected (40P01). "
                    + "PostgreSQL's message: " + firstWith(report, DEADLOCK).message() + ".\n"
                    + "A transfer from " + a + " to " + b + " locked account " + a + " and waited for " + b + ", while a "
                    + "transfer from " + b + " to " + a + " held " + b + " and waited for " + a + ". Lock the two accounts "
                    + "in a fixed order, lowest id first (e.g. SELECT … FROM accounts WHERE id IN (…) ORDER BY id "
                    + "FOR UPDATE) before changing them."
                    + otherFailures(report, DEADLOCK));
        }
        if (!report.unsuccessful().isEmpty()) {
            throw new AssertionFailedError(load + ": " + report.unsuccessful().size() + " of them failed: "
                    + report.failureSummary() + "." + examples(report, null)
                    + "\nNone of these transfers overdraws an account, so every one of them must succeed.");
        }
    }

    @Check(id = "01-transfer-no-lost-update", points = 2,
            guards = "the accounts' money against updates lost by concurrent transfers",
            hint = "A balance you read, then write back computed in Java or in a variable, can overwrite a "
                    + "concurrent change. Lock before reading, or let the UPDATE compute from the current value.")
    @DisplayName("01 transfer() loses no update when many clients transfer between the same accounts at once")
    void e01d_transferNoLostUpdate(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        List<Account> hot = bank.richest(3);
        List<List<Call>> plan = downhill(hot, 8, 15, 6_004L);
        List<Account> before = bank.accounts();
        int logBefore = bank.maxTransferId();
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, plan.size())) {
            StudentFunctions.install(cc.session(0), answer);
            StudentFunctions.require(bank, answer, "transfer", 3, null);
            report = cc.run(plan, Options.readCommitted().gate(lockAccounts(ids(hot))));
        }
        String load = plan.size() + " clients made " + report.outcomes().size() + " transfers among accounts "
                + ids(hot).stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " at the same time (READ COMMITTED)";
        failIfBroken(report, "transfer()", load);
        // Deadlocks are the business of 01-transfer-no-deadlock; here every other call must have succeeded.
        List<Outcome> unexpected = report.unsuccessful().stream().filter(o -> !DEADLOCK.equals(o.sqlState())).toList();
        if (!unexpected.isEmpty()) {
            throw new AssertionFailedError(load + ": " + unexpected.size() + " of them failed: "
                    + report.failureSummary() + "." + examples(report, DEADLOCK)
                    + "\nNone of these transfers overdraws an account, so every one of them must succeed.");
        }
        AfterState.money(bank, before, logBefore, report, load,
                "This is a lost update: a transfer read a balance, another transfer changed it, and the first then "
                        + "wrote a value computed from the old balance, wiping out the other's change.");
    }

    @Check(id = "01-transfer-serializable",
            hint = "At SERIALIZABLE, PostgreSQL aborts one of two conflicting transactions with serialization_failure "
                    + "(40001) and the client runs it again. Let such errors out of your function: an EXCEPTION WHEN "
                    + "OTHERS block that swallows them, or re-raises them as another error, stops the retry.")
    @DisplayName("01 transfer() stays correct under SERIALIZABLE, where the client retries on serialization failures")
    void e01e_transferSerializable(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        List<Account> hot = bank.richest(3);
        int clients = 8;
        List<List<Call>> plan = downhill(hot, clients, 10, 6_005L);
        List<Account> before = bank.accounts();
        int logBefore = bank.maxTransferId();
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, clients)) {
            StudentFunctions.install(cc.session(0), answer);
            StudentFunctions.require(bank, answer, "transfer", 3, null);
            report = cc.run(plan, Options.readCommitted().isolation(Isolation.SERIALIZABLE)
                    .retrying(MAX_RETRIES, SERIALIZATION_FAILURE, DEADLOCK).gate(lockAccounts(ids(hot))));
        }
        String load = clients + " clients made " + report.outcomes().size() + " transfers among accounts "
                + ids(hot).stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " at the same time, each in a SERIALIZABLE transaction that the client ran again after a "
                + "serialization failure (40001) or a deadlock (40P01); the client made " + report.retrySummary();
        failIfBroken(report, "transfer()", load);
        if (!report.unsuccessful().isEmpty()) {
            throw new AssertionFailedError(load + ".\n" + report.unsuccessful().size() + " transfers still failed: "
                    + report.failureSummary() + "." + examples(report, null)
                    + "\nA serialization failure that your function catches and turns into another error (or "
                    + "hides) cannot be retried by the client. Let it propagate.");
        }
        AfterState.money(bank, before, logBefore, report, load,
                "Every transfer reported success, yet the balances do not add up: a transfer whose work was "
                        + "thrown away still looked successful to the client (an exception caught inside the "
                        + "function?).");
    }

    // ---- 02 book_seat -----------------------------------------------------------------------------------

    @Check(id = "02-book-seat", hiddenOn = HIDDEN_DATA,
            hint = "When seats are left: INSERT the booking, decrease shows.seats_left by one, RETURN true. When none "
                    + "are left: change nothing and RETURN false (no exception).")
    @DisplayName("02 book_seat() books a free seat (true), keeps seats_left right, and returns false when sold out")
    void e02a_bookSeat(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(BOOK_SEAT);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        StudentFunctions.install(db.student(), answer);
        StudentFunctions.require(bank, answer, "book_seat", 2, "boolean");

        List<Show> before = bank.shows();
        Show big = Bank.mostSeatsLeft(before);
        Show soldOut = Bank.soldOut(before);
        Show last = Bank.fewestSeatsLeft(before);

        List<String> steps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<List<Object>> expectedNew = new ArrayList<>();
        Map<Integer, Integer> expectedLeft = new LinkedHashMap<>();
        before.forEach(s -> expectedLeft.put(s.id(), s.seatsLeft()));

        bookAndExpect(db, answer, big, "Grace Tester", true, steps, problems, expectedNew, expectedLeft);
        bookAndExpect(db, answer, soldOut, "Sam Toolate", false, steps, problems, expectedNew, expectedLeft);
        for (int j = 1; j <= last.seatsLeft(); j++) {
            bookAndExpect(db, answer, last, "Fan " + j, true, steps, problems, expectedNew, expectedLeft);
        }
        bookAndExpect(db, answer, last, "One Toomany", false, steps, problems, expectedNew, expectedLeft);

        String done = "The grader called, one after the other:\n" + String.join("\n", steps) + "\n";
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(done + "\n" + String.join("\n", problems));
        }
        AfterState.shows(bank, before, expectedLeft, done);
        AfterState.bookings(bank, before, expectedNew, done);
    }

    @Check(id = "02-book-seat-no-oversell", points = 2, hiddenOn = HIDDEN_DATA,
            guards = "a show against selling more seats than it has",
            hint = "Between your check that a seat is left and your change, another booking can take it. Make the "
                    + "check and the change one step, or lock the row first (section 4).")
    @DisplayName("02 book_seat() never sells more seats than a show has when many clients book at once")
    void e02b_bookSeatNoOversell(SqlCheck sql, LabFiles files) {
        SeatRace.run(sql, files, Options.readCommitted());
    }

    @Check(id = "02-book-seat-repeatable-read",
            hint = "At REPEATABLE READ, PostgreSQL aborts a transaction that tries to change a row another "
                    + "transaction changed after it started (40001), and the client runs it again. Let that error out "
                    + "of your function: don't catch it with EXCEPTION WHEN OTHERS.")
    @DisplayName("02 book_seat() stays correct under REPEATABLE READ, where the client retries on serialization failures")
    void e02c_bookSeatRepeatableRead(SqlCheck sql, LabFiles files) {
        SeatRace.run(sql, files, Options.readCommitted().isolation(Isolation.REPEATABLE_READ)
                .retrying(MAX_RETRIES, SERIALIZATION_FAILURE, DEADLOCK));
    }

    // ---- 03 standing orders -----------------------------------------------------------------------------

    @Check(id = "03-standing-orders", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Loop over the pending orders ORDER BY id. Around each transfer put a block BEGIN … EXCEPTION "
                    + "WHEN raise_exception THEN … END: it is a savepoint, so a failing order is undone alone and "
                    + "marked 'failed' while the others are paid.")
    @DisplayName("03 pay_standing_orders() pays the orders it can, in id order, marks the rest failed, and returns the count paid")
    void e03_standingOrders(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(STANDING_ORDERS);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        StudentFunctions.install(db.student(), answer);
        ReferenceTransfer.install(bank);
        StudentFunctions.require(bank, answer, "pay_standing_orders", 0, null);

        List<Account> before = bank.accounts();
        int logBefore = bank.maxTransferId();
        StandingOrders.Expected expected = StandingOrders.expect(bank, before);

        Object returned = StandingOrders.pay(db);
        String done = "The grader called " + StandingOrders.CALL + " once, with " + expected.pending()
                + " pending standing orders.\n";
        AfterState.orders(bank, expected.orders(), done);
        AfterState.accounts(bank, before, expected.balances(), done);
        AfterState.log(bank, logBefore, expected.log(), done);
        if (!(returned instanceof Number n) || n.intValue() != expected.paid()) {
            throw new AssertionFailedError(done + "It paid the right orders, but returned " + returned
                    + " instead of the number of orders it paid (" + expected.paid() + ").");
        }
    }
}
