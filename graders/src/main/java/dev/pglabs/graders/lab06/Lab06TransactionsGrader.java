package dev.pglabs.graders.lab06;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.Comparison;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.comparison.Situation;
import dev.pglabs.comparison.TableFormatter;
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
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

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
    private static final String BOOK_SEAT = "02-book-seat.sql";
    private static final String STANDING_ORDERS = "03-standing-orders.sql";

    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String RAISE_EXCEPTION = "P0001";
    private static final String CHECK_VIOLATION = "23514";
    private static final int MAX_RETRIES = 100;

    private static final String TRANSFER_CALL = "SELECT transfer(?, ?, ?)";
    private static final String BOOK_SEAT_CALL = "SELECT book_seat(?, ?)";

    // ---- 01 transfer ------------------------------------------------------------------------------------

    @Check(id = "01-transfer", hiddenOn = HIDDEN_DATA,
            hint = "Subtract from one balance, add to the other and INSERT a row into transfers, all in the one "
                    + "function call. Moving a whole balance is allowed: the balance may end at exactly 0.00.")
    @DisplayName("01 transfer() moves money between two accounts and logs every transfer")
    void e01_transfer(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        install(db.student(), answer);
        requireFunction(db, answer, "transfer", 3, null);

        List<Account> before = accounts(db);
        List<Account> positive = before.stream().filter(a -> a.balance().signum() > 0)
                .sorted((x, y) -> x.balance().compareTo(y.balance()) != 0 ? x.balance().compareTo(y.balance())
                        : Integer.compare(x.id(), y.id()))
                .toList();
        Account a = positive.get(0);
        Account b = positive.get(1);
        int transfersBefore = maxTransferId(db);

        Map<Integer, BigDecimal> expected = balanceMap(before);
        List<List<Object>> expectedLog = new ArrayList<>();
        List<String> steps = new ArrayList<>();

        BigDecimal first = money("5.25");
        callTransfer(db, answer, b.id(), a.id(), first, steps,
                "moves " + first + " from account " + b.id() + " (balance " + b.balance() + ") to account " + a.id());
        move(expected, expectedLog, b.id(), a.id(), first);

        BigDecimal whole = expected.get(a.id());
        callTransfer(db, answer, a.id(), b.id(), whole, steps,
                "moves the whole balance of account " + a.id() + " (" + whole + ") to account " + b.id()
                        + "; that is allowed, the balance becomes 0.00");
        move(expected, expectedLog, a.id(), b.id(), whole);

        String done = "The grader called, one after the other:\n" + String.join("\n", steps) + "\n";
        compareAccounts(db, before, expected, done);
        compareLog(db, transfersBefore, expectedLog, done);
    }

    @Check(id = "01-transfer-refusals", hiddenOn = HIDDEN_DATA,
            hint = "Each refusal is a check before anything changes: a missing account, a non-positive amount, too "
                    + "little money. An exception in a function undoes what it did.")
    @DisplayName("01 transfer() raises an exception and changes nothing for an overdraft, an amount ≤ 0 or an unknown account")
    void e02_transferRefusals(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        install(db.student(), answer);
        requireFunction(db, answer, "transfer", 3, null);

        List<Account> accounts = accounts(db);
        List<Account> positive = accounts.stream().filter(x -> x.balance().signum() > 0)
                .sorted((x, y) -> x.balance().compareTo(y.balance()) != 0 ? x.balance().compareTo(y.balance())
                        : Integer.compare(x.id(), y.id()))
                .toList();
        Account poor = positive.get(0);
        Account other = positive.get(1);
        int unknown = accounts.stream().mapToInt(Account::id).max().orElse(0) + 1000;

        record Refusal(int from, int to, BigDecimal amount, String why, boolean mustRaiseOwnError) {
        }
        List<Refusal> cases = List.of(
                new Refusal(poor.id(), other.id(), poor.balance().add(money("0.01")),
                        "account " + poor.id() + " has only " + poor.balance() + " (an overdraft)", true),
                new Refusal(other.id(), poor.id(), money("0.00"), "the amount is 0", false),
                new Refusal(poor.id(), other.id(), money("-10.00"),
                        "the amount is negative (it would take money from account " + other.id() + ")", false),
                new Refusal(other.id(), unknown, money("1.00"), "account " + unknown + " does not exist", false),
                new Refusal(unknown, other.id(), money("1.00"), "account " + unknown + " does not exist", false));

        List<String> problems = new ArrayList<>();
        for (Refusal r : cases) {
            String call = "SELECT transfer(" + r.from() + ", " + r.to() + ", " + r.amount() + ")";
            List<Account> stateBefore = accounts(db);
            int logBefore = transferCount(db);
            String raised = null;
            String message = null;
            try {
                db.student().execute(call, "your transfer() (called as " + call + ")");
            } catch (StudentSqlException e) {
                raised = e.sqlState();
                message = firstErrorLine(e.getMessage());
            }
            List<Account> stateAfter = accounts(db);
            boolean unchanged = stateAfter.equals(stateBefore) && transferCount(db) == logBefore;
            if (raised == null) {
                problems.add(call + " returned normally, but " + r.why() + ": it must raise an exception"
                        + (unchanged ? "." : ", and it changed data:\n" + diffAccounts(stateBefore, stateAfter)
                        + (transferCount(db) != logBefore ? "  and it added a row to transfers.\n" : "")));
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
        if (!problems.isEmpty()) {
            throw new AssertionFailedError("transfer() must refuse these transfers with an exception, so that the "
                    + "whole transfer is rolled back:\n- " + String.join("\n- ", problems));
        }
    }

    @Check(id = "01-transfer-no-deadlock", points = 2,
            hint = "Two transfers in opposite directions lock the same two rows. If every transfer locks them in "
                    + "the same order (which order is the same for both?), neither waits for the other forever.")
    @DisplayName("01 transfer() never deadlocks when many clients transfer in opposite directions at once")
    void e03_transferNoDeadlock(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        List<Account> hot = richest(db, 2);
        int a = hot.get(0).id();
        int b = hot.get(1).id();
        int clients = 8;
        int callsEach = 15;
        List<List<Call>> plan = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Random random = new Random(6_003L * (i + 1));
            List<Call> calls = new ArrayList<>();
            for (int k = 0; k < callsEach; k++) {
                boolean forward = (i + k) % 2 == 0;
                calls.add(transferCall(forward ? a : b, forward ? b : a, smallAmount(random)));
            }
            plan.add(calls);
        }
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, clients)) {
            install(cc.session(0), answer);
            requireFunction(db, answer, "transfer", 3, null);
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
            hint = "A balance you read, then write back computed in Java or in a variable, can overwrite a "
                    + "concurrent change. Lock before reading, or let the UPDATE compute from the current value.")
    @DisplayName("01 transfer() loses no update when many clients transfer between the same accounts at once")
    void e04_transferNoLostUpdate(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        List<Account> hot = richest(db, 3);
        List<List<Call>> plan = downhillPlan(hot, 8, 15, 6_004L);
        List<Account> before = accounts(db);
        int logBefore = maxTransferId(db);
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, plan.size())) {
            install(cc.session(0), answer);
            requireFunction(db, answer, "transfer", 3, null);
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
        checkMoney(db, before, logBefore, report, load,
                "This is a lost update: a transfer read a balance, another transfer changed it, and the first then "
                        + "wrote a value computed from the old balance, wiping out the other's change.");
    }

    @Check(id = "01-transfer-serializable",
            hint = "At SERIALIZABLE, PostgreSQL aborts one of two conflicting transactions with serialization_failure "
                    + "(40001) and the client runs it again. Let such errors out of your function: an EXCEPTION WHEN "
                    + "OTHERS block that swallows them, or re-raises them as another error, stops the retry.")
    @DisplayName("01 transfer() stays correct under SERIALIZABLE, where the client retries on serialization failures")
    void e05_transferSerializable(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(TRANSFER);
        CheckDatabase db = sql.database();
        List<Account> hot = richest(db, 3);
        int clients = 8;
        List<List<Call>> plan = downhillPlan(hot, clients, 10, 6_005L);
        List<Account> before = accounts(db);
        int logBefore = maxTransferId(db);
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, clients)) {
            install(cc.session(0), answer);
            requireFunction(db, answer, "transfer", 3, null);
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
        checkMoney(db, before, logBefore, report, load,
                "Every transfer reported success, yet the balances do not add up: a transfer whose work was "
                        + "thrown away still looked successful to the client (an exception caught inside the "
                        + "function?).");
    }

    // ---- 02 book_seat -----------------------------------------------------------------------------------

    @Check(id = "02-book-seat", hiddenOn = HIDDEN_DATA,
            hint = "When seats are left: INSERT the booking, decrease shows.seats_left by one, RETURN true. When none "
                    + "are left: change nothing and RETURN false (no exception).")
    @DisplayName("02 book_seat() books a free seat (true), keeps seats_left right, and returns false when sold out")
    void e06_bookSeat(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(BOOK_SEAT);
        CheckDatabase db = sql.database();
        install(db.student(), answer);
        requireFunction(db, answer, "book_seat", 2, "boolean");

        List<Show> before = shows(db);
        Show big = before.stream().max((x, y) -> x.seatsLeft() != y.seatsLeft()
                ? Integer.compare(x.seatsLeft(), y.seatsLeft()) : Integer.compare(y.id(), x.id())).orElseThrow();
        Show soldOut = before.stream().filter(s -> s.seatsLeft() == 0).findFirst().orElseThrow();
        Show last = fewestSeatsLeft(before);

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
        compareShows(db, before, expectedLeft, done);
        ResultTable expectedBookings = ResultTable.of(List.of("show_id", "customer"), expectedNew);
        ResultTable actualBookings = asAdmin(db, "SELECT show_id, customer FROM bookings WHERE id > "
                + before.stream().mapToInt(Show::maxBookingId).max().orElse(0));
        Comparison c = ResultComparator.compare(expectedBookings, actualBookings, CompareOptions.unordered(),
                Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(done + "Afterwards the new rows in bookings are not as expected (one row "
                    + "per seat booked, with the show and the customer):\n" + c.feedback());
        }
    }

    @Check(id = "02-book-seat-no-oversell", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Between your check that a seat is left and your change, another booking can take it. Make the "
                    + "check and the change one step, or lock the row first (section 4).")
    @DisplayName("02 book_seat() never sells more seats than a show has when many clients book at once")
    void e07_bookSeatNoOversell(SqlCheck sql, LabFiles files) {
        raceForSeats(sql, files, Options.readCommitted());
    }

    @Check(id = "02-book-seat-repeatable-read",
            hint = "At REPEATABLE READ, PostgreSQL aborts a transaction that tries to change a row another "
                    + "transaction changed after it started (40001), and the client runs it again. Let that error out "
                    + "of your function: don't catch it with EXCEPTION WHEN OTHERS.")
    @DisplayName("02 book_seat() stays correct under REPEATABLE READ, where the client retries on serialization failures")
    void e08_bookSeatRepeatableRead(SqlCheck sql, LabFiles files) {
        raceForSeats(sql, files, Options.readCommitted().isolation(Isolation.REPEATABLE_READ)
                .retrying(MAX_RETRIES, SERIALIZATION_FAILURE, DEADLOCK));
    }

    /**
     * Sixteen clients: each first books the show with the fewest seats left (all at once, through the gate), then
     * books a big show twice and tries a sold-out one. Afterwards every show must add up.
     */
    private void raceForSeats(SqlCheck sql, LabFiles files, Options options) {
        SqlAnswer answer = files.sql(BOOK_SEAT);
        CheckDatabase db = sql.database();
        List<Show> before = shows(db);
        Show hot = fewestSeatsLeft(before);
        Show big = before.stream().max((x, y) -> x.seatsLeft() != y.seatsLeft()
                ? Integer.compare(x.seatsLeft(), y.seatsLeft()) : Integer.compare(y.id(), x.id())).orElseThrow();
        Show soldOut = before.stream().filter(s -> s.seatsLeft() == 0).findFirst().orElseThrow();
        int clients = 16;
        List<List<Call>> plan = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String who = "Racer " + (i + 1);
            plan.add(List.of(bookCall(hot.id(), who), bookCall(big.id(), who + "a"), bookCall(soldOut.id(), who + "b"),
                    bookCall(big.id(), who + "c")));
        }
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, clients)) {
            install(cc.session(0), answer);
            requireFunction(db, answer, "book_seat", 2, "boolean");
            report = cc.run(plan, options.gate("SELECT 1 FROM shows WHERE id = " + hot.id() + " FOR UPDATE"));
        }
        boolean retrying = options.isolation() != Isolation.READ_COMMITTED;
        String load = clients + " clients booked the last " + seats(hot.seatsLeft()) + " of show " + hot.id() + " ('"
                + hot.title() + "') at the same moment, then " + 2 * clients + " seats of show " + big.id()
                + " and tried the sold-out show " + soldOut.id() + " (" + options.isolation().sql()
                + (retrying ? ", retrying after serialization failures; the client made " + report.retrySummary() : "")
                + ")";
        failIfBroken(report, "book_seat()", load);
        if (!report.unsuccessful().isEmpty()) {
            throw new AssertionFailedError(load + ": " + report.unsuccessful().size() + " calls failed: "
                    + report.failureSummary() + "." + examples(report, null)
                    + "\nbook_seat() must answer true or false, not fail"
                    + (retrying ? " (a serialization failure your function hides or re-raises as another error "
                    + "cannot be retried)." : "."));
        }
        Map<Integer, Integer> trueCalls = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Outcome o : report.outcomes()) {
            int show = (Integer) o.call().params().get(0);
            if (!(o.value() instanceof Boolean value)) {
                problems.add("book_seat(" + show + ", …) returned " + o.value() + " instead of true or false.");
                continue;
            }
            if (value) {
                trueCalls.merge(show, 1, Integer::sum);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(load + ":\n" + problems.stream().distinct().limit(5)
                    .collect(Collectors.joining("\n")));
        }
        List<Show> after = shows(db);
        Map<Integer, Show> afterById = after.stream().collect(Collectors.toMap(Show::id, s -> s));
        Show hotAfter = afterById.get(hot.id());
        int hotTrue = trueCalls.getOrDefault(hot.id(), 0);
        if (hotAfter.bookings() > hot.capacity() || hotTrue > hot.seatsLeft()) {
            long oversold = Math.max(hotAfter.bookings() - hot.capacity(), hotTrue - hot.seatsLeft());
            throw new AssertionFailedError(load + ": " + hotTrue + " bookings of show " + hot.id()
                    + " succeeded, but only " + seats(hot.seatsLeft()) + " " + (hot.seatsLeft() == 1 ? "was" : "were")
                    + " left (capacity " + hot.capacity() + ", " + (hot.capacity() - hot.seatsLeft())
                    + " already sold) → oversold by " + oversold + ". The show now has " + hotAfter.bookings()
                    + " bookings and seats_left = " + hotAfter.seatsLeft() + ".\n"
                    + "Every client read that a seat was free before any of them booked it.");
        }
        List<String> wrong = new ArrayList<>();
        for (Show s : before) {
            Show now = afterById.get(s.id());
            int booked = trueCalls.getOrDefault(s.id(), 0);
            int expectedBooked = s.id() == hot.id() ? s.seatsLeft() : s.id() == big.id()
                    ? Math.min(2 * clients, s.seatsLeft()) : 0;
            if (booked != expectedBooked) {
                wrong.add("show " + s.id() + ": " + booked + " calls returned true, expected " + expectedBooked
                        + " (" + seats(s.seatsLeft()) + " were left)");
            }
            if (now.bookings() != s.bookings() + booked) {
                wrong.add("show " + s.id() + ": " + booked + " calls returned true, but the show got "
                        + (now.bookings() - s.bookings()) + " new bookings");
            }
            if (now.seatsLeft() != now.capacity() - now.bookings()) {
                wrong.add("show " + s.id() + ": seats_left is " + now.seatsLeft() + ", but capacity "
                        + now.capacity() + " − " + now.bookings() + " bookings = " + (now.capacity() - now.bookings()));
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionFailedError(load + ". Afterwards:\n- " + String.join("\n- ", wrong));
        }
    }

    // ---- 03 standing orders -----------------------------------------------------------------------------

    @Check(id = "03-standing-orders", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Loop over the pending orders ORDER BY id. Around each transfer put a block BEGIN … EXCEPTION "
                    + "WHEN raise_exception THEN … END: it is a savepoint, so a failing order is undone alone and "
                    + "marked 'failed' while the others are paid.")
    @DisplayName("03 pay_standing_orders() pays the orders it can, in id order, marks the rest failed, and returns the count paid")
    void e09_standingOrders(SqlCheck sql, LabFiles files) {
        SqlAnswer answer = files.sql(STANDING_ORDERS);
        CheckDatabase db = sql.database();
        install(db.student(), answer);
        installReferenceTransfer(db);
        requireFunction(db, answer, "pay_standing_orders", 0, null);

        List<Account> before = accounts(db);
        int logBefore = maxTransferId(db);
        Map<Integer, BigDecimal> balances = balanceMap(before);
        List<List<Object>> expectedLog = new ArrayList<>();
        List<List<Object>> expectedOrders = new ArrayList<>();
        int paid = 0;
        int pending = 0;
        for (List<Object> row : asAdmin(db, "SELECT id, from_id, to_id, amount, status FROM standing_orders ORDER BY id")
                .rows()) {
            int id = intOf(row.get(0));
            int from = intOf(row.get(1));
            int to = intOf(row.get(2));
            BigDecimal amount = decimalOf(row.get(3));
            String status = (String) row.get(4);
            if (status.equals("pending")) {
                pending++;
                if (balances.get(from).compareTo(amount) >= 0) {
                    move(balances, expectedLog, from, to, amount);
                    status = "paid";
                    paid++;
                } else {
                    status = "failed";
                }
            }
            expectedOrders.add(List.of(id, status));
        }

        String call = "SELECT pay_standing_orders()";
        ResultTable result;
        try {
            result = db.student().query(call, "your pay_standing_orders() (called as " + call + ")");
        } catch (StudentSqlException e) {
            if (RAISE_EXCEPTION.equals(e.sqlState())) {
                throw new AssertionFailedError("SELECT pay_standing_orders() stopped with an error, so the whole "
                        + "batch was rolled back and no order was paid:\n  ERROR: " + firstErrorLine(e.getMessage())
                        + "\nOne order that cannot be paid must not stop the others: catch its error around that "
                        + "one transfer (BEGIN … EXCEPTION WHEN raise_exception THEN … END), mark it 'failed' and go on.");
            }
            throw e;
        }
        String done = "The grader called " + call + " once, with " + pending + " pending standing orders.\n";
        Object returned = result.rows().isEmpty() || result.rows().get(0).isEmpty() ? null : result.rows().get(0).get(0);
        ResultTable expectedStatus = ResultTable.of(List.of("id", "status"), expectedOrders);
        ResultTable actualStatus = asAdmin(db, "SELECT id::bigint AS id, status FROM standing_orders");
        Comparison orders = ResultComparator.compare(expectedStatus, actualStatus, CompareOptions.unordered(),
                Situation.TABLE_STATE);
        if (!orders.matches()) {
            throw new AssertionFailedError(done + "Afterwards the statuses of the standing orders are not as "
                    + "expected (orders are paid in id order, each one if the payer's balance covers it at that "
                    + "moment; orders that were not pending stay as they are):\n" + orders.feedback());
        }
        compareAccounts(db, before, balances, done);
        compareLog(db, logBefore, expectedLog, done);
        if (!(returned instanceof Number n) || n.intValue() != paid) {
            throw new AssertionFailedError(done + "It paid the right orders, but returned " + returned
                    + " instead of the number of orders it paid (" + paid + ").");
        }
    }

    /**
     * The grader's stand-in for transfer(), so that exercise 03 is graded on its own, whatever 01-transfer.sql holds.
     * Check 03 calls it from one client only, so it takes no locks: it is not exercise 01's answer (which students
     * receive in the graders' source), only its refusals and effects, with the same messages.
     */
    private void installReferenceTransfer(CheckDatabase db) {
        execAsAdmin(db, """
                DROP FUNCTION IF EXISTS transfer(integer, integer, numeric);
                CREATE FUNCTION transfer(p_from integer, p_to integer, p_amount numeric) RETURNS void
                LANGUAGE plpgsql AS $$
                DECLARE
                    missing integer;
                    has numeric;
                BEGIN
                    IF NOT coalesce(p_amount > 0, false) THEN
                        RAISE EXCEPTION 'amount must be positive, not %', p_amount;
                    END IF;
                    missing := (SELECT w.wanted FROM (VALUES (1, p_from), (2, p_to)) AS w(n, wanted)
                                WHERE NOT EXISTS (SELECT FROM accounts a WHERE a.id = w.wanted) ORDER BY w.n LIMIT 1);
                    IF missing IS NOT NULL THEN
                        RAISE EXCEPTION 'account % does not exist', missing;
                    END IF;
                    has := (SELECT a.balance FROM accounts a WHERE a.id = p_from);
                    IF has < p_amount THEN
                        RAISE EXCEPTION 'insufficient funds: account % has %, needs %', p_from, has, p_amount;
                    END IF;
                    UPDATE accounts a SET balance = a.balance + CASE WHEN a.id = p_from THEN -p_amount ELSE p_amount END
                    WHERE a.id IN (p_from, p_to);
                    INSERT INTO transfers (from_id, to_id, amount) SELECT p_from, p_to, p_amount;
                END
                $$""");
    }

    // ---- shared steps -----------------------------------------------------------------------------------

    record Account(int id, String owner, BigDecimal balance) {
    }

    record Show(int id, String title, int capacity, int seatsLeft, long bookings, int maxBookingId) {
    }

    /** Runs the student's file, which creates their function(s). Errors end the check with the file's own lines. */
    private void install(StudentSession session, SqlAnswer answer) {
        session.execute(answer.text(), answer.origin());
    }

    /** The file must have created the function; a missing one is explained rather than left to a call error. */
    private void requireFunction(CheckDatabase db, SqlAnswer answer, String name, int args, String returns) {
        ResultTable found = asAdmin(db, "SELECT p.oid::regprocedure::text, p.pronargs, format_type(p.prorettype, NULL) "
                + "FROM pg_proc p WHERE p.proname = '" + name + "' AND p.pronamespace = 'public'::regnamespace "
                + "ORDER BY 1");
        if (found.rows().isEmpty()) {
            throw new AssertionFailedError(answer.origin() + " ran without errors, but afterwards there is no "
                    + "function " + name + "(). The file must create it: CREATE OR REPLACE FUNCTION " + name + "(…).");
        }
        boolean rightArgs = found.rows().stream().anyMatch(r -> intOf(r.get(1)) == args);
        if (!rightArgs) {
            throw new AssertionFailedError(answer.origin() + " creates " + found.rows().get(0).get(0) + ", but the "
                    + "task asks for " + args + " parameter" + (args == 1 ? "" : "s") + ". Check the header of the file.");
        }
        if (returns != null && found.rows().stream().noneMatch(r -> intOf(r.get(1)) == args
                && returns.equals(r.get(2)))) {
            throw new AssertionFailedError(answer.origin() + " creates " + found.rows().get(0).get(0) + " returning "
                    + found.rows().get(0).get(2) + "; the task asks for RETURNS " + returns + ".");
        }
    }

    private void callTransfer(CheckDatabase db, SqlAnswer answer, int from, int to, BigDecimal amount,
                                     List<String> steps, String what) {
        String call = "SELECT transfer(" + from + ", " + to + ", " + amount + ")";
        steps.add("  " + call + "  -- " + what);
        try {
            db.student().execute(call, "your transfer() (called as " + call + ")");
        } catch (StudentSqlException e) {
            throw new AssertionFailedError("The grader called, one after the other:\n" + String.join("\n", steps)
                    + "\nThe last call failed, but it should have worked:\n  ERROR: " + firstErrorLine(e.getMessage())
                    + (e.sqlState() != null ? " (SQLSTATE " + e.sqlState() + ")" : ""));
        }
    }

    private void bookAndExpect(CheckDatabase db, SqlAnswer answer, Show show, String customer, boolean expect,
                                      List<String> steps, List<String> problems, List<List<Object>> expectedNew,
                                      Map<Integer, Integer> expectedLeft) {
        if (!problems.isEmpty()) {
            return;
        }
        String call = "SELECT book_seat(" + show.id() + ", '" + customer + "')";
        steps.add("  " + call + "  -- show " + show.id() + " has " + seats(expectedLeft.get(show.id())) + " left");
        Object value;
        try {
            ResultTable r = db.student().query(call, "your book_seat() (called as " + call + ")");
            value = r.rows().isEmpty() ? null : r.rows().get(0).get(0);
        } catch (StudentSqlException e) {
            problems.add("The last call failed: ERROR: " + firstErrorLine(e.getMessage())
                    + (e.sqlState() != null ? " (SQLSTATE " + e.sqlState() + ")" : "") + ". It should have returned "
                    + expect + (expect ? "." : ": a sold-out show is a normal answer, not an error."));
            return;
        }
        if (!Boolean.valueOf(expect).equals(value)) {
            problems.add("The last call returned " + value + ", expected " + expect + ".");
            return;
        }
        if (expect) {
            expectedNew.add(List.of(show.id(), customer));
            expectedLeft.merge(show.id(), -1, Integer::sum);
        }
    }

    private void compareAccounts(CheckDatabase db, List<Account> before, Map<Integer, BigDecimal> expected,
                                        String context) {
        List<Account> after = accounts(db);
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

    private void compareLog(CheckDatabase db, int afterId, List<List<Object>> expectedLog, String context) {
        ResultTable want = ResultTable.of(List.of("from_id", "to_id", "amount"), expectedLog);
        ResultTable got = asAdmin(db, "SELECT from_id, to_id, amount FROM transfers WHERE id > " + afterId);
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the new rows in transfers are not as expected (one "
                    + "row per transfer made, with from_id, to_id and amount):\n" + c.feedback());
        }
    }

    private void compareShows(CheckDatabase db, List<Show> before, Map<Integer, Integer> expectedLeft,
                                     String context) {
        List<List<Object>> rows = new ArrayList<>();
        for (Show s : before) {
            rows.add(List.of(s.id(), s.title(), s.capacity(), expectedLeft.get(s.id())));
        }
        ResultTable want = ResultTable.of(List.of("id", "title", "capacity", "seats_left"), rows);
        ResultTable got = asAdmin(db, "SELECT id::bigint AS id, title, capacity, seats_left FROM shows");
        Comparison c = ResultComparator.compare(want, got, CompareOptions.unordered(), Situation.TABLE_STATE);
        if (!c.matches()) {
            throw new AssertionFailedError(context + "Afterwards the shows are not as expected (seats_left must go "
                    + "down by one for every seat booked):\n" + c.feedback());
        }
    }

    /** After a concurrent run: each balance moved by exactly the successful transfers, each logged once. */
    private void checkMoney(CheckDatabase db, List<Account> before, int logBefore, Report report, String load,
                                   String diagnosis) {
        Map<Integer, BigDecimal> expected = balanceMap(before);
        int made = 0;
        for (Outcome o : report.succeeded()) {
            int from = (Integer) o.call().params().get(0);
            int to = (Integer) o.call().params().get(1);
            BigDecimal amount = (BigDecimal) o.call().params().get(2);
            expected.merge(from, amount.negate(), BigDecimal::add);
            expected.merge(to, amount, BigDecimal::add);
            made++;
        }
        List<Account> after = accounts(db);
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
        int logged = transferCount(db) - countUpTo(db, logBefore);
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

    /** Every call failed the same way: the function cannot work at all; report it as the error it is. */
    private void failIfBroken(Report report, String function, String load) {
        Optional<Outcome> hung = report.timedOut();
        if (hung.isPresent()) {
            throw new CheckFailure(CheckStatus.TIMEOUT, load + ": " + hung.get().call() + " "
                    + hung.get().message() + ", so the grader stopped the clients. Look for a loop that never ends, "
                    + "a pg_sleep, or a lock your function waits for that is never released.");
        }
        if (report.stoppedAtTimeLimit()) {
            throw new CheckFailure(CheckStatus.TIMEOUT, load + ": the clients had not finished after the time limit "
                    + "and were stopped. Look for a loop that never ends or a lock that is never released.");
        }
        if (report.succeeded().isEmpty() && !report.outcomes().isEmpty()) {
            Outcome first = report.unsuccessful().get(0);
            if (!DEADLOCK.equals(first.sqlState()) && !SERIALIZATION_FAILURE.equals(first.sqlState())) {
                throw new CheckFailure(CheckStatus.ERROR, load + ": every call of " + function + " failed ("
                        + report.failureSummary() + "). The first one, " + first.call() + ", failed with:\n  ERROR: "
                        + first.message() + "\n  SQLSTATE " + first.sqlState() + " ("
                        + ConcurrentClients.stateName(first.sqlState()) + ")");
            }
        }
    }

    private Outcome firstWith(Report report, String state) {
        return report.unsuccessful().stream().filter(o -> state.equals(o.sqlState())).findFirst().orElseThrow();
    }

    private String otherFailures(Report report, String except) {
        long others = report.unsuccessful().stream().filter(o -> !except.equals(o.sqlState())).count();
        return others == 0 ? "" : "\nOther failures: " + report.failureSummary() + "." + examples(report, except);
    }

    /** Up to three failed calls with PostgreSQL's message, skipping one SQLSTATE. */
    private String examples(Report report, String skip) {
        List<String> lines = report.unsuccessful().stream()
                .filter(o -> skip == null || !skip.equals(o.sqlState()))
                .collect(Collectors.toMap(o -> String.valueOf(o.sqlState()), o -> o, (a, b) -> a, LinkedHashMap::new))
                .values().stream().limit(3)
                .map(o -> "  " + o.call() + " → " + describe(o.sqlState(), o.message()))
                .toList();
        return lines.isEmpty() ? "" : " For example:\n" + String.join("\n", lines);
    }

    private String describe(String sqlState, String message) {
        return (message == null ? "an error" : "ERROR: " + message) + " (" + ConcurrentClients.stateName(sqlState)
                + (sqlState == null ? "" : ", SQLSTATE " + sqlState) + ")";
    }

    /** PostgreSQL's message from a StudentSqlException's text, without the "ERROR:" in front. */
    private String firstErrorLine(String message) {
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (t.startsWith("ERROR:")) {
                return t.substring("ERROR:".length()).strip();
            }
        }
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Transfers among the given accounts, always from a lower to a higher id: whatever order a function locks in,
     * these cannot deadlock, so a check built on them sees lost updates and nothing else.
     */
    private List<List<Call>> downhillPlan(List<Account> accounts, int clients, int callsEach, long seed) {
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

    private Call transferCall(int from, int to, BigDecimal amount) {
        return Call.of("transfer(" + from + ", " + to + ", " + amount + ")", TRANSFER_CALL, from, to, amount);
    }

    private Call bookCall(int show, String customer) {
        return Call.of("book_seat(" + show + ", '" + customer + "')", BOOK_SEAT_CALL, show, customer);
    }

    /** 1.00 to 9.99: small next to the balances of the richest accounts, so no transfer overdraws. */
    private BigDecimal smallAmount(Random random) {
        return BigDecimal.valueOf(100 + random.nextInt(900), 2);
    }

    private BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    private String seats(int n) {
        return n + (n == 1 ? " seat" : " seats");
    }

    private void move(Map<Integer, BigDecimal> balances, List<List<Object>> log, int from, int to,
                             BigDecimal amount) {
        balances.merge(from, amount.negate(), BigDecimal::add);
        balances.merge(to, amount, BigDecimal::add);
        log.add(List.of(from, to, amount));
    }

    private List<Integer> ids(List<Account> accounts) {
        return accounts.stream().map(Account::id).toList();
    }

    private String lockAccounts(int... ids) {
        return lockAccounts(java.util.Arrays.stream(ids).boxed().toList());
    }

    private String lockAccounts(List<Integer> ids) {
        return "SELECT 1 FROM accounts WHERE id IN (" + ids.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ") ORDER BY id FOR UPDATE";
    }

    private Show fewestSeatsLeft(List<Show> shows) {
        return shows.stream().filter(s -> s.seatsLeft() > 0).min((x, y) -> x.seatsLeft() != y.seatsLeft()
                ? Integer.compare(x.seatsLeft(), y.seatsLeft()) : Integer.compare(x.id(), y.id())).orElseThrow();
    }

    private Map<Integer, BigDecimal> balanceMap(List<Account> accounts) {
        Map<Integer, BigDecimal> map = new LinkedHashMap<>();
        accounts.forEach(a -> map.put(a.id(), a.balance()));
        return map;
    }

    private String diffAccounts(List<Account> before, List<Account> after) {
        List<List<Object>> rows = new ArrayList<>();
        for (Account a : after) {
            before.stream().filter(b -> b.id() == a.id() && b.balance().compareTo(a.balance()) != 0).findFirst()
                    .ifPresent(b -> rows.add(List.of(a.id(), b.balance(), a.balance())));
        }
        return rows.isEmpty() ? "" : TableFormatter.format(List.of("account", "balance before", "balance after"), rows, 5);
    }

    // ---- grader's own queries ---------------------------------------------------------------------------

    private List<Account> accounts(CheckDatabase db) {
        return asAdmin(db, "SELECT id, owner, balance FROM accounts ORDER BY id").rows().stream()
                .map(r -> new Account(intOf(r.get(0)), (String) r.get(1), decimalOf(r.get(2))))
                .toList();
    }

    private List<Account> richest(CheckDatabase db, int n) {
        return asAdmin(db, "SELECT id, owner, balance FROM accounts ORDER BY balance DESC, id LIMIT " + n).rows()
                .stream()
                .map(r -> new Account(intOf(r.get(0)), (String) r.get(1), decimalOf(r.get(2))))
                .sorted((x, y) -> Integer.compare(x.id(), y.id()))
                .toList();
    }

    private List<Show> shows(CheckDatabase db) {
        return asAdmin(db, """
                SELECT s.id, s.title, s.capacity, s.seats_left, count(b.id), coalesce(max(b.id), 0)
                FROM shows s LEFT JOIN bookings b ON b.show_id = s.id
                GROUP BY s.id ORDER BY s.id""").rows().stream()
                .map(r -> new Show(intOf(r.get(0)), (String) r.get(1), intOf(r.get(2)),
                        intOf(r.get(3)), intOf(r.get(4)), intOf(r.get(5))))
                .toList();
    }

    private int maxTransferId(CheckDatabase db) {
        return intOf(asAdmin(db, "SELECT coalesce(max(id), 0) FROM transfers").rows().get(0).get(0));
    }

    private int transferCount(CheckDatabase db) {
        return intOf(asAdmin(db, "SELECT count(*) FROM transfers").rows().get(0).get(0));
    }

    private int countUpTo(CheckDatabase db, int id) {
        return intOf(asAdmin(db, "SELECT count(*) FROM transfers WHERE id <= " + id).rows().get(0).get(0));
    }

    /** Ids of identity columns come back as text (the driver calls their type "serial"); numbers otherwise. */
    private int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
    }

    private BigDecimal decimalOf(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value).strip());
    }

    /** One administrative connection per check (JUnit makes a new grader instance for every check). */
    private Connection admin;

    private Connection admin(CheckDatabase db) throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = db.openAdmin();
        }
        return admin;
    }

    private ResultTable asAdmin(CheckDatabase db, String sql) {
        try (Statement st = admin(db).createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return ResultTable.read(rs, 100_000);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed (a bug in the grader, not in your answer): "
                    + e.getMessage(), e);
        }
    }

    private void execAsAdmin(CheckDatabase db, String sql) {
        try (Statement st = admin(db).createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader could not prepare the database (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
    }
}
