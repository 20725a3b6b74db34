package dev.pglabs.notebook;

import dev.pglabs.comparison.ResultTable;

import java.net.URI;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The helpers every Java cell (and the jshell command) has, imported with
 * {@code import static dev.pglabs.notebook.NotebookHelpers.*}. They act on the notebook session running now.
 */
public final class NotebookHelpers {

    private NotebookHelpers() {
    }

    /** Runs SQL statements and prints each result as psql would: a table with its row count, or a command tag. */
    public static void sql(String sql) {
        session().sqlHelper(sql);
    }

    /** Runs one query and returns its result (rows of normalised values), without printing it. */
    public static ResultTable query(String sql) {
        return session().queryHelper(sql);
    }

    /** Prints the plan PostgreSQL chooses for a query (EXPLAIN, without cost estimates). */
    public static void explain(String query) {
        session().explainHelper(query, "COSTS OFF");
    }

    /** Prints the plan with EXPLAIN options of your own, e.g. {@code explain(q, "ANALYZE, BUFFERS")}. */
    public static void explain(String query, String options) {
        session().explainHelper(query, options);
    }

    /** The JDBC connection the notebook uses: the lab's database, as your student role. */
    public static Connection connection() {
        return session().connectionHelper();
    }

    /**
     * A DataSource for the lab's database, as your student role: each getConnection() opens a new connection.
     * For libraries that manage their own connections, such as Flyway: {@code Flyway.configure().dataSource(dataSource())}.
     */
    public static DataSource dataSource() {
        return session().dataSourceHelper();
    }

    /**
     * The address of a server the lab starts for the notebook besides PostgreSQL, by name: in lab 11
     * {@code endpoint("dynamodb")}, the DynamoDB emulator (started when the notebook opens, stopped when it ends).
     */
    public static URI endpoint(String name) {
        return session().endpointHelper(name);
    }

    /** Grades your exercise files for this lab (the visible checks) and prints the feedback. */
    public static void check() {
        session().checkHelper();
    }

    /** Runs the lab's next cell (in the jshell command: steps through the README). */
    public static void next() {
        session().stepper().next();
    }

    /** Runs cell {@code n} of the lab's README; the next {@link #next()} continues after it. */
    public static void run(int n) {
        session().stepper().run(n);
    }

    /** Shows where you are in the README: the last cell run and the next one. */
    public static void where() {
        session().stepper().where();
    }

    private static NotebookSession session() {
        return NotebookSession.current().orElseThrow(() -> new IllegalStateException(
                "No pglabs notebook is open: start one with ./pglabs notebook LAB or ./pglabs jshell LAB."));
    }
}
