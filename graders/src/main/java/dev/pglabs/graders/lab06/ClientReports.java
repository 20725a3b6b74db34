package dev.pglabs.graders.lab06;

import dev.pglabs.grading.ConcurrentClients;
import dev.pglabs.grading.ConcurrentClients.Outcome;
import dev.pglabs.grading.ConcurrentClients.Report;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.pglabs.graders.lab06.Lab06TransactionsGrader.DEADLOCK;
import static dev.pglabs.graders.lab06.Lab06TransactionsGrader.SERIALIZATION_FAILURE;

/** How the grader words what the concurrent clients (or one call) reported: failures, examples, PostgreSQL's text. */
final class ClientReports {

    private ClientReports() {
    }

    /** Every call failed the same way: the function cannot work at all; report it as the error it is. */
    static void failIfBroken(Report report, String function, String load) {
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

    static Outcome firstWith(Report report, String state) {
        return report.unsuccessful().stream().filter(o -> state.equals(o.sqlState())).findFirst().orElseThrow();
    }

    static String otherFailures(Report report, String except) {
        long others = report.unsuccessful().stream().filter(o -> !except.equals(o.sqlState())).count();
        return others == 0 ? "" : "\nOther failures: " + report.failureSummary() + "." + examples(report, except);
    }

    /** Up to three failed calls with PostgreSQL's message, skipping one SQLSTATE. */
    static String examples(Report report, String skip) {
        List<String> lines = report.unsuccessful().stream()
                .filter(o -> skip == null || !skip.equals(o.sqlState()))
                .collect(Collectors.toMap(o -> String.valueOf(o.sqlState()), o -> o, (a, b) -> a, LinkedHashMap::new))
                .values().stream().limit(3)
                .map(o -> "  " + o.call() + " → " + describe(o.sqlState(), o.message()))
                .toList();
        return lines.isEmpty() ? "" : " For example:\n" + String.join("\n", lines);
    }

    static String describe(String sqlState, String message) {
        return (message == null ? "an error" : "ERROR: " + message) + " (" + ConcurrentClients.stateName(sqlState)
                + (sqlState == null ? "" : ", SQLSTATE " + sqlState) + ")";
    }

    /** PostgreSQL's message from a StudentSqlException's text, without the "ERROR:" in front. */
    static String firstErrorLine(String message) {
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (t.startsWith("ERROR:")) {
                return t.substring("ERROR:".length()).strip();
            }
        }
        return message.lines().findFirst().orElse(message);
    }
}
