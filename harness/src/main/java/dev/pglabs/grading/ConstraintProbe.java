package dev.pglabs.grading;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StatementTimeoutException;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.sql.SqlStates;
import org.postgresql.util.PSQLException;

import java.util.ArrayList;
import java.util.List;

/**
 * Tests how the student's tables behave: statements that break a rule must be rejected with the right error
 * class (SQLSTATE), valid statements must be accepted. Each statement runs on its own (autocommit) in a fresh
 * session of the student's role, so a student's trigger or function never runs with the grader's rights, and
 * the sandbox's time limits apply. Problems are collected, so the feedback lists every rule that does not hold:
 *
 * <pre>
 * ConstraintProbe probe = new ConstraintProbe(db);
 * probe.expectAccepted("INSERT INTO users (username, email) VALUES ('ana', 'ana@example.com')", "a valid user");
 * probe.expectRejected("INSERT INTO users (username, email) VALUES ('bob', 'ana@example.com')", SqlState.UNIQUE,
 *         "inserting a second user with the same email", "email must be UNIQUE");
 * probe.assertNoProblems("Your users table does not follow the rules of the task:");
 * </pre>
 *
 * A statement that runs past the time limit ends the check as a time-out, as the student's own SQL would.
 */
public final class ConstraintProbe {

    /** The SQLSTATE codes of integrity-constraint violations (class 23). */
    public static final class SqlState {
        public static final String NOT_NULL = "23502";
        public static final String FOREIGN_KEY = "23503";
        public static final String UNIQUE = "23505";
        public static final String CHECK = "23514";

        private SqlState() {
        }
    }

    /** How one statement went: accepted, or rejected with a SQLSTATE and PostgreSQL's message. */
    public record Outcome(boolean accepted, String sqlState, String error) {

        static Outcome ok() {
            return new Outcome(true, null, null);
        }

        public boolean rejectedWith(String state) {
            return !accepted && state.equals(sqlState);
        }

        /** "ERROR: null value in column … (SQLSTATE 23502 not_null_violation)". */
        public String describeError() {
            return accepted ? "accepted" : "ERROR: " + error + " (SQLSTATE " + describe(sqlState) + ")";
        }
    }

    private record Problem(String text, String sql) {
    }

    private final CheckDatabase database;
    private final List<Problem> problems = new ArrayList<>();
    private StudentSession session;
    private int attempts;

    public ConstraintProbe(CheckDatabase database) {
        this.database = database;
    }

    /** Runs one statement as the student and reports whether PostgreSQL accepted it. */
    public Outcome attempt(String sql) {
        attempts++;
        try {
            session().execute(sql, "the grader's test statement");
            return Outcome.ok();
        } catch (StudentSqlException e) {
            return new Outcome(false, e.sqlState() == null ? "" : e.sqlState(), serverMessage(e));
        } catch (StatementTimeoutException e) {
            throw timedOut(sql, e);
        }
    }

    /** The statement must be accepted; otherwise a problem "{what} was rejected, but it must be accepted: …". */
    public boolean expectAccepted(String sql, String what) {
        Outcome outcome = attempt(sql);
        if (!outcome.accepted()) {
            problems.add(new Problem(capitalise(what) + " was rejected, but it must be accepted. PostgreSQL said: "
                    + outcome.describeError() + ".", sql));
        }
        return outcome.accepted();
    }

    /**
     * The statement must be rejected with {@code sqlState}; otherwise a problem such as "inserting a user without
     * an email was accepted, but email must be NOT NULL (expected SQLSTATE 23502 not_null_violation)".
     *
     * @param what what the statement tries, for a sentence: "inserting a user without an email"
     * @param rule the rule it breaks: "email must be NOT NULL"
     */
    public boolean expectRejected(String sql, String sqlState, String what, String rule) {
        Outcome outcome = attempt(sql);
        if (outcome.accepted()) {
            problems.add(new Problem(capitalise(what) + " was accepted, but " + rule + " (expected SQLSTATE "
                    + describe(sqlState) + ").", sql));
            return false;
        }
        if (!outcome.rejectedWith(sqlState)) {
            problems.add(new Problem(capitalise(what) + " was rejected for another reason: " + outcome.describeError()
                    + ". Expected SQLSTATE " + describe(sqlState) + ", because " + rule + ".", sql));
            return false;
        }
        return true;
    }

    /** Runs a query as the student (to read back what an accepted statement stored, e.g. the defaults). */
    public ResultTable query(String sql) {
        try {
            return session().query(sql, "the grader's test query");
        } catch (StatementTimeoutException e) {
            throw timedOut(sql, e);
        }
    }

    /** The single value of a one-row, one-column query run as the student. */
    public Object value(String sql) {
        ResultTable table = query(sql);
        return table.rowCount() == 0 ? null : table.rows().get(0).get(0);
    }

    /** Adds a problem found another way (e.g. a default read back with {@link #query}). */
    public void problem(String text) {
        problems.add(new Problem(text, null));
    }

    /** Adds a problem that a statement shows. */
    public void problem(String text, String sql) {
        problems.add(new Problem(text, sql));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public int problemCount() {
        return problems.size();
    }

    /** How many statements were tried, for feedback ("3 of 12 tests failed"). */
    public int attempts() {
        return attempts;
    }

    /** The problems as a list for the student, each with the statement that shows it. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append("- ").append(p.text());
            if (p.sql() != null) {
                sb.append("\n    ").append(p.sql().strip().replaceAll("\\s*\n\\s*", " "));
            }
        }
        return sb.toString();
    }

    /** Fails the check (as failed, with {@code heading} and the list of problems) if there are any. */
    public void assertNoProblems(String heading) {
        if (hasProblems()) {
            throw new WrongResult(heading + "\n" + report(), heading + " (" + problems.size()
                    + (problems.size() == 1 ? " statement" : " statements") + " did not behave as the task asks)");
        }
    }

    /** "23505 unique_violation", or the bare code when it is not a common one. */
    public static String describe(String sqlState) {
        return SqlStates.name(sqlState).map(name -> sqlState + " " + name).orElse(sqlState);
    }

    private StudentSession session() {
        if (session == null) {
            session = database.openStudent();  // closed with the check
        }
        return session;
    }

    /** A probe is a single small statement: if it runs out of time, something the student created slows it down. */
    private static CheckFailure timedOut(String sql, StatementTimeoutException e) {
        String reason = e.getMessage() == null ? "It ran too long and was stopped." : e.getMessage();
        int ran = reason.indexOf(" ran longer than ");
        int advice = reason.indexOf(". Look for");
        if (ran > 0 && advice > ran) {
            reason = "It" + reason.substring(ran, advice + 1);
        }
        return new CheckFailure(CheckStatus.TIMEOUT, "The grader tested your table with this statement:\n    "
                + sql.strip().replaceAll("\\s*\n\\s*", " ") + "\n" + reason + " On a table with only "
                + "constraints it takes milliseconds: something your SQL created (a trigger or a function?) makes it "
                + "this slow.", e);
    }

    private static String serverMessage(StudentSqlException e) {
        if (e.getCause() instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String detail = p.getServerErrorMessage().getDetail();
            String message = p.getServerErrorMessage().getMessage();
            return detail == null ? message : message + " — " + detail;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int error = message.indexOf("ERROR: ");
        return error >= 0 ? message.substring(error + 7).lines().findFirst().orElse(message) : message;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
