package dev.pglabs.notebook;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.reports.ConsoleReport;
import dev.pglabs.sql.SqlScript;
import dev.pglabs.submission.LabFiles;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A notebook being run: a fresh database of the lab (the same provisioning as grading: a clone of the lab's
 * "default" dataset with its own student role), one connection as that role, and one JShell. Cells run in
 * order through {@link #run(Cell)}; SQL cells go straight to JDBC, Java cells to JShell, where the helpers of
 * {@link NotebookHelpers} act on this session.
 */
public final class NotebookSession implements AutoCloseable {

    private static volatile NotebookSession current;

    /**
     * Flyway (lab 07 on) logs every step through java.util.logging when no logging library is set up: time-stamped
     * lines, printed to whatever stream a cell had when the first one was logged. Cells print what they mean to
     * show, so its logger is off in notebooks. Held here, because java.util.logging keeps loggers weakly.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.OFF);
    }

    private final GradingSession grading;
    private final Lab lab;
    private final Notebook notebook;
    private final NotebookOptions options;
    private final CheckDatabase db;
    private final SessionConnection connection;
    private final SqlRunner sql;
    private final Scrubber scrubber;
    private final NotebookServices services;
    private JavaRunner java;
    private Stepper stepper;

    private NotebookSession(GradingSession grading, Lab lab, Notebook notebook, NotebookOptions options,
                            CheckDatabase db) {
        this.grading = grading;
        this.lab = lab;
        this.notebook = notebook;
        this.options = options;
        this.db = db;
        this.connection = new SessionConnection(db);
        this.scrubber = new Scrubber(db.name(), db.role());
        this.sql = new SqlRunner(connection, options, scrubber::scrub);
        this.services = new NotebookServices(grading.course(), lab);
    }

    /**
     * Opens a session on a fresh database of the lab. JShell starts in the background at once when the
     * notebook has Java cells, so it is warm when the first one comes; SQL cells never wait for it.
     */
    public static NotebookSession open(GradingSession grading, Lab lab, Notebook notebook, NotebookOptions options) {
        return open(grading, lab, notebook, options, true);
    }

    /**
     * @param warmJava start this session's JShell now if the notebook has Java cells (false for the jshell
     *                 command, whose Java runs in jshell itself)
     */
    public static NotebookSession open(GradingSession grading, Lab lab, Notebook notebook, NotebookOptions options,
                                       boolean warmJava) {
        CheckDatabase db = grading.newDatabase(lab, "default");
        NotebookSession session = new NotebookSession(grading, lab, notebook, options, db);
        try {
            session.connection.get();
        } catch (SQLException e) {
            session.close();
            throw new IllegalStateException("Could not connect to the lab database: " + e.getMessage(), e);
        }
        if (warmJava && notebook.cells().stream().anyMatch(c -> c.language() == Cell.Language.JAVA && !c.skipped())) {
            session.javaRunner();
        }
        current = session;
        return session;
    }

    /** The lab's README as a notebook, named relative to the course home in messages. */
    public static Notebook readme(Course course, Lab lab) {
        Path file = course.labsDir().resolve(lab.folder()).resolve("README.md");
        return NotebookParser.read(file, displayName(course, file));
    }

    public static String displayName(Course course, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(course.home()) ? course.home().relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }

    static Optional<NotebookSession> current() {
        return Optional.ofNullable(current);
    }

    public Notebook notebook() {
        return notebook;
    }

    public Lab lab() {
        return lab;
    }

    public NotebookOptions options() {
        return options;
    }

    /** Runs a cell as written in the README. */
    public CellResult run(Cell cell) {
        return run(cell, cell.source());
    }

    /** Runs a cell with other code (an edit made in the interactive mode; the README is not changed). */
    public CellResult run(Cell cell, String source) {
        if (cell.skipped()) {
            return CellResult.skipped(cell);
        }
        current = this;
        if (cell.language() == Cell.Language.SQL) {
            SqlRunner.Run run = sql.run(source, cell.codeLine(), !cell.expectsError());
            CellResult.Status status = run.timedOut() ? CellResult.Status.TIMEOUT
                    : run.failed() ? CellResult.Status.ERROR : CellResult.Status.OK;
            return result(cell, status, run.output(), run.problems());
        }
        services.awaitStarted();
        int refusals = services.refusals();
        JavaRunner.Run run = javaRunner().run(source, cell.number(), cell.codeLine());
        String output = run.output();
        if (run.status() != CellResult.Status.OK) {
            output += services.downNote(refusals).map(note -> note + "\n").orElse("");
        }
        return result(cell, run.status(), output, run.problems());
    }

    /** Runs every cell in order (skipped cells are reported as such). */
    public List<CellResult> runAll() {
        List<CellResult> results = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            results.add(run(cell));
        }
        return results;
    }

    /** Runs code typed at the REPL: a cell of its own, outside the README. */
    public CellResult runTyped(Cell.Language language, String source) {
        Cell typed = new Cell(0, language, Set.of(), source, 1, 1, 0, 0, Optional.empty());
        return run(typed);
    }

    private CellResult result(Cell cell, CellResult.Status status, String output, List<CellResult.Problem> problems) {
        List<CellResult.Problem> scrubbed = problems.stream()
                .map(p -> new CellResult.Problem(p.line(), scrubber.scrub(p.message()))).toList();
        return new CellResult(cell, status, scrubber.scrub(output), scrubbed);
    }

    synchronized JavaRunner javaRunner() {
        if (java == null) {
            java = new JavaRunner(connection, options, StudentClasses.of(labFiles()));
        }
        return java;
    }

    /** A Java lab (the student writes classes in src/main/java): its REPL starts in Java. */
    public boolean javaLab() {
        return Files.isDirectory(labFiles().dir().resolve(JavaSources.MAIN));
    }

    /** The student's folder of this lab (their exercise files and, in a Java lab, their code). */
    LabFiles labFiles() {
        return grading.submission().lab(lab.folder());
    }

    /** Whether typed Java is a complete snippet yet (the REPL reads more lines until it is). */
    public boolean javaComplete(String source) {
        return javaRunner().isComplete(source);
    }

    /** Waits until JShell has started (for the benchmark). */
    public void awaitJava() {
        javaRunner().awaitReady();
    }

    // ----- helpers behind NotebookHelpers (they run on JShell's thread) -----

    void sqlHelper(String text) {
        SqlRunner.Run run = sql.run(text, 1, false);
        System.out.println(scrubber.scrub(run.output()));
        if (run.timedOut()) {
            throw new SqlFailure("the SQL ran longer than " + options.timeoutText() + " and was stopped");
        }
        if (run.failed()) {
            throw new SqlFailure(scrubber.scrub(run.problems().get(0).message()));
        }
    }

    ResultTable queryHelper(String text) {
        List<SqlScript.Statement> statements = SqlScript.split(text);
        if (statements.size() != 1) {
            throw new IllegalArgumentException("query(…) takes one statement; use sql(…) for several.");
        }
        try (Statement st = connection.createStatement()) {
            connection.running(st);
            try (Watchdog watchdog = Watchdog.start(options.cellTimeout(), connection::cancel);
                 ResultSet rs = st.executeQuery(statements.get(0).sql())) {
                return ResultTable.read(rs, 10_000);
            } finally {
                connection.running(null);
            }
        } catch (SQLException e) {
            throw new SqlFailure(scrubber.scrub(SqlErrors.oneLine(e)));
        }
    }

    void explainHelper(String query, String explainOptions) {
        String q = query.strip();
        if (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1);
        }
        ResultTable plan = queryHelper("EXPLAIN (" + explainOptions + ") " + q);
        System.out.println("QUERY PLAN");
        System.out.println("-".repeat(10));
        for (List<Object> row : plan.rows()) {
            System.out.println(row.get(0));
        }
    }

    DataSource dataSourceHelper() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.studentTarget().jdbcUrl());
        ds.setUser(db.studentTarget().user());
        ds.setPassword(db.studentTarget().password());
        ds.setApplicationName("pglabs-notebook");
        // Recorded outputs read the same on every machine (the notebook's own connection is in UTC too).
        ds.setOptions("-c TimeZone=UTC");
        return ds;
    }

    URI endpointHelper(String name) {
        return services.endpoint(name);
    }

    Connection connectionHelper() {
        try {
            return connection.get();
        } catch (SQLException e) {
            throw new SqlFailure("Could not connect to the lab database: " + e.getMessage());
        }
    }

    void checkHelper() {
        ConsoleReport report = new ConsoleReport(System.out, false);
        new GradingRunner(CheckScope.VISIBLE).grade(grading, List.of(lab), new VisibleChecks(report));
    }

    /** Steps through the README from the jshell command (Java cells are handed to jshell's /open). */
    public synchronized Stepper stepper() {
        if (stepper == null) {
            stepper = new Stepper(this, System.out, null);
        }
        return stepper;
    }

    /** Installs the stepper of the jshell command, which writes Java cells to files for jshell's /open. */
    public synchronized void useStepper(Stepper custom) {
        stepper = custom;
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        try {
            if (java != null) {
                java.close();
            }
        } finally {
            try {
                connection.close();
            } finally {
                try {
                    db.close();
                } finally {
                    services.close();
                }
            }
        }
    }
}
