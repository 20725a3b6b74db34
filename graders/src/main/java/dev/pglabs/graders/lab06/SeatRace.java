package dev.pglabs.graders.lab06;

import dev.pglabs.graders.lab06.Bank.Show;
import dev.pglabs.grading.ConcurrentClients;
import dev.pglabs.grading.ConcurrentClients.Call;
import dev.pglabs.grading.ConcurrentClients.Isolation;
import dev.pglabs.grading.ConcurrentClients.Options;
import dev.pglabs.grading.ConcurrentClients.Outcome;
import dev.pglabs.grading.ConcurrentClients.Report;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab06.CallPlans.bookCall;
import static dev.pglabs.graders.lab06.ClientReports.examples;
import static dev.pglabs.graders.lab06.ClientReports.failIfBroken;
import static dev.pglabs.graders.lab06.Lab06TransactionsGrader.BOOK_SEAT;

/** Checks 02-book-seat-no-oversell and 02-book-seat-repeatable-read: many clients race for the last seats. */
final class SeatRace {

    private SeatRace() {
    }

    /**
     * Sixteen clients: each first books the show with the fewest seats left (all at once, through the gate), then
     * books a big show twice and tries a sold-out one. Afterwards every show must add up.
     */
    static void run(SqlCheck sql, LabFiles files, Options options) {
        SqlAnswer answer = files.sql(BOOK_SEAT);
        CheckDatabase db = sql.database();
        Bank bank = new Bank(db);
        List<Show> before = bank.shows();
        Show hot = Bank.fewestSeatsLeft(before);
        Show big = Bank.mostSeatsLeft(before);
        Show soldOut = Bank.soldOut(before);
        int clients = 16;
        List<List<Call>> plan = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String who = "Racer " + (i + 1);
            plan.add(List.of(bookCall(hot.id(), who), bookCall(big.id(), who + "a"), bookCall(soldOut.id(), who + "b"),
                    bookCall(big.id(), who + "c")));
        }
        Report report;
        try (ConcurrentClients cc = ConcurrentClients.open(db, clients)) {
            StudentFunctions.install(cc.session(0), answer);
            StudentFunctions.require(bank, answer, "book_seat", 2, "boolean");
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
        List<Show> after = bank.shows();
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

    static String seats(int n) {
        return n + (n == 1 ? " seat" : " seats");
    }
}
