package dev.pglabs.graders.lab06;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.graders.lab06.Bank.Show;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.submission.SqlAnswer;
import org.opentest4j.AssertionFailedError;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.pglabs.graders.lab06.ClientReports.firstErrorLine;

/** The student's functions: installed from their file, found in the catalog, and called one at a time. */
final class StudentFunctions {

    private StudentFunctions() {
    }

    /** Runs the student's file, which creates their function(s). Errors end the check with the file's own lines. */
    static void install(StudentSession session, SqlAnswer answer) {
        session.execute(answer.statements(), answer.origin());
    }

    /** The file must have created the function; a missing one is explained rather than left to a call error. */
    static void require(Bank bank, SqlAnswer answer, String name, int args, String returns) {
        ResultTable found = bank.asAdmin("SELECT p.oid::regprocedure::text, p.pronargs, format_type(p.prorettype, NULL) "
                + "FROM pg_proc p WHERE p.proname = '" + name + "' AND p.pronamespace = 'public'::regnamespace "
                + "ORDER BY 1");
        if (found.rows().isEmpty()) {
            throw new AssertionFailedError(answer.origin() + " ran without errors, but afterwards there is no "
                    + "function " + name + "(). The file must create it: CREATE OR REPLACE FUNCTION " + name + "(…).");
        }
        boolean rightArgs = found.rows().stream().anyMatch(r -> Bank.intOf(r.get(1)) == args);
        if (!rightArgs) {
            throw new AssertionFailedError(answer.origin() + " creates " + found.rows().get(0).get(0) + ", but the "
                    + "task asks for " + args + " parameter" + (args == 1 ? "" : "s") + ". Check the header of the file.");
        }
        if (returns != null && found.rows().stream().noneMatch(r -> Bank.intOf(r.get(1)) == args
                && returns.equals(r.get(2)))) {
            throw new AssertionFailedError(answer.origin() + " creates " + found.rows().get(0).get(0) + " returning "
                    + found.rows().get(0).get(2) + "; the task asks for RETURNS " + returns + ".");
        }
    }

    static void callTransfer(CheckDatabase db, SqlAnswer answer, int from, int to, BigDecimal amount,
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

    static void bookAndExpect(CheckDatabase db, SqlAnswer answer, Show show, String customer, boolean expect,
                                      List<String> steps, List<String> problems, List<List<Object>> expectedNew,
                                      Map<Integer, Integer> expectedLeft) {
        if (!problems.isEmpty()) {
            return;
        }
        String call = "SELECT book_seat(" + show.id() + ", '" + customer + "')";
        steps.add("  " + call + "  -- show " + show.id() + " has " + SeatRace.seats(expectedLeft.get(show.id()))
                + " left");
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
}
