package dev.pglabs.notebook;

import dev.pglabs.concurrent.DaemonThreads;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs Java cells as JShell snippets in this JVM (local execution engine), so snippets call the notebook's
 * helpers and share its JDBC connection. One JShell per notebook: variables and methods of earlier cells stay.
 *
 * <p>A cell is split into snippets with {@link SourceCodeAnalysis#analyzeCompletion} (eval runs only the first
 * snippet of its input). System.out and System.err are swapped per cell, because with the local engine a
 * snippet prints to the JVM's own streams. Positions are reported as README lines, never snippet ids.
 *
 * <p>Time limit: at expiry the statement a helper runs is cancelled (a snippet blocked in JDBC then returns by
 * itself), then {@link JShell#stop()} stops a snippet still running. After stop() the snippet's event may
 * still say VALID, so the watchdog's own flag decides that the cell timed out. A snippet that survives stop()
 * (it catches ThreadDeath) is abandoned with its JShell and a new JShell starts.
 */
final class JavaRunner implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(1);
    private static final Duration ABANDON_AFTER = Duration.ofSeconds(5);
    private static final Pattern IDENTITY_HASH = Pattern.compile("(\\w)@[0-9a-f]{4,8}\\b");

    /** Imported into every session: jshell's default imports, JDBC, java.time and the notebook helpers. */
    static final List<String> IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;", "import java.sql.*;", "import java.time.*;",
            "import static dev.pglabs.notebook.NotebookHelpers.*;");

    record Run(String output, List<CellResult.Problem> problems, CellResult.Status status) {
    }

    private final SessionConnection connection;
    private final NotebookOptions options;
    private ExecutorService thread;
    private Future<JShell> shell;
    /** Where each snippet (by id) starts: README line of its first line, and its cell. */
    private final Map<String, int[]> snippetLines = new ConcurrentHashMap<>();

    /** The student's own classes of a Java lab, on JShell's class path; empty for an SQL lab. */
    private final Optional<StudentClasses> studentClasses;
    /** What the first build of the student's classes has to tell (compile errors), shown with the next cell. */
    private volatile String buildNotice;

    JavaRunner(SessionConnection connection, NotebookOptions options, Optional<StudentClasses> studentClasses) {
        this.connection = connection;
        this.options = options;
        this.studentClasses = studentClasses;
        start();
    }

    /** Starts JShell on its own thread right away, so it is warm when the first Java cell comes. */
    private void start() {
        thread = Executors.newSingleThreadExecutor(DaemonThreads.named("pglabs-jshell"));
        shell = thread.submit(() -> {
            JShell js = JShell.builder()
                    .executionEngine(TimedExecutionControl.provider(clock, studentClasses.filter(StudentClasses::ebean)
                            .map(student -> new CellEnhancement(student::classesDir))), Map.of())
                    .out(new PrintStream(OutputStream.nullOutputStream()))
                    .err(new PrintStream(OutputStream.nullOutputStream()))
                    .build();
            js.addToClasspath(Classpath.forCompiler());
            studentClasses.ifPresent(student -> {
                student.refresh().ifPresent(notice -> buildNotice = notice);
                student.classesDir().ifPresent(dir -> js.addToClasspath(dir.toString()));
            });
            for (String imp : IMPORTS) {
                js.eval(imp);
            }
            return js;
        });
    }

    /**
     * The cell's time limit, counted while user code runs (not while JShell compiles). At expiry: cancel the
     * statement a helper runs (the snippet then fails by itself), else, or if it does not return, stop().
     */
    private final class Clock implements TimedExecutionControl.Listener {
        private long budgetNanos;
        private long enteredAt;
        private volatile long expiredAt;
        private volatile boolean inUserCode;
        private volatile boolean resetConnection;
        private volatile int generation;
        private Watchdog watchdog;

        void startCell() {
            budgetNanos = options.cellTimeout().toNanos();
            expiredAt = 0;
            resetConnection = false;
            connection.clearCancelledByCell();
        }

        boolean expired() {
            return expiredAt != 0;
        }

        @Override
        public void entered() {
            enteredAt = System.nanoTime();
            int run = ++generation;
            inUserCode = true;
            watchdog = Watchdog.start(Duration.ofNanos(Math.max(1, budgetNanos)), () -> {
                expiredAt = System.nanoTime();
                if (connection.cancelForCell()) {
                    // A snippet blocked in JDBC usually returns by itself; stop it only if this same run goes on.
                    Watchdog.later(STOP_GRACE, () -> stop(run));
                } else {
                    stop(run);
                }
            });
        }

        @Override
        public void left() {
            inUserCode = false;
            watchdog.close();
            budgetNanos -= System.nanoTime() - enteredAt;
        }

        private void stop(int run) {
            if (inUserCode && generation == run) {
                resetConnection |= connection.busy();  // stopped inside the driver: its protocol state is unknown
                try {
                    jshell().stop();
                } catch (RuntimeException e) {
                    // Stopping is best effort; abandoning the JShell is the last resort.
                }
            }
        }
    }

    private final Clock clock = new Clock();

    /** Blocks until JShell is ready (benchmarks use it). */
    void awaitReady() {
        jshell();
    }

    /** Whether typed Java is complete (the REPL keeps reading lines until it is). */
    boolean isComplete(String source) {
        Completeness c = jshell().sourceCodeAnalysis().analyzeCompletion(source).completeness();
        return c != Completeness.DEFINITELY_INCOMPLETE && c != Completeness.CONSIDERED_INCOMPLETE;
    }

    private JShell jshell() {
        try {
            return shell.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting JShell", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    /**
     * @param cellNumber the cell, for stack traces that point into other cells
     * @param firstLine  README line of the source's first line
     */
    synchronized Run run(String source, int cellNumber, int firstLine) {
        String notice = studentClasses.flatMap(StudentClasses::refresh).orElse(null);
        if (notice != null) {
            // Classes JShell loaded cannot be replaced: a new JShell sees the new build.
            restart();
        }
        JShell js = jshell();
        if (notice == null && buildNotice != null) {
            notice = buildNotice;
        }
        buildNotice = null;
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        if (notice != null) {
            capture.println(notice);
        }
        List<CellResult.Problem> problems = new ArrayList<>();
        CellResult.Status status = CellResult.Status.OK;
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        clock.startCell();
        System.setOut(capture);
        System.setErr(capture);
        try {
            String remaining = source;
            int offset = 0;
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                Completeness completeness = info.completeness();
                if (completeness == Completeness.EMPTY) {
                    break;
                }
                int snippetLine = firstLine + lineOf(source, offset + leadingBlank(remaining)) - 1;
                if (completeness == Completeness.DEFINITELY_INCOMPLETE
                        || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                    String message = "the cell ends inside an unfinished statement (a missing '}', ')' or ';'?)";
                    capture.println("Error at line " + (snippetLine - firstLine + 1) + " of this cell: " + message);
                    problems.add(new CellResult.Problem(snippetLine, "error: " + message));
                    status = CellResult.Status.ERROR;
                    break;
                }
                String snippet = info.source();
                int consumed = remaining.length() - info.remaining().length();
                Future<List<SnippetEvent>> running = thread.submit(() -> js.eval(snippet));
                List<SnippetEvent> events = await(running);
                if (events == null) {
                    abandon();
                    capture.println("⧗ stopped: the cell ran longer than its time limit (" + options.timeoutText()
                            + ") and did not stop; the Java session was restarted, its variables are gone");
                    problems.add(new CellResult.Problem(snippetLine, "the cell ran longer than "
                            + options.timeoutText() + " and could not be stopped; JShell was restarted."));
                    status = CellResult.Status.TIMEOUT;
                    break;
                }
                if (clock.expired()) {
                    // Whatever the events say (a stopped snippet may still report VALID), the cell timed out.
                    capture.println("⧗ stopped: the cell ran longer than its time limit (" + options.timeoutText() + ")");
                    problems.add(new CellResult.Problem(snippetLine, "the cell ran longer than "
                            + options.timeoutText() + " and was stopped (set the limit with --timeout)."));
                    status = CellResult.Status.TIMEOUT;
                    break;
                }
                if (!report(js, events, snippet, source, offset, firstLine, cellNumber, capture, problems)) {
                    status = CellResult.Status.ERROR;
                    break;
                }
                remaining = info.remaining();
                offset += consumed;
            }
        } finally {
            capture.flush();
            System.setOut(realOut);
            System.setErr(realErr);
        }
        if (clock.resetConnection) {
            connection.reset();
        }
        return new Run(buffer.toString(StandardCharsets.UTF_8), problems, status);
    }

    /** The snippet's events, or null if it outlived its stop() (then the JShell must be abandoned). */
    private List<SnippetEvent> await(Future<List<SnippetEvent>> running) {
        long abandonAfter = STOP_GRACE.plus(ABANDON_AFTER).toNanos();
        while (true) {
            try {
                return running.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long expiredAt = clock.expiredAt;
                if (expiredAt != 0 && System.nanoTime() - expiredAt > abandonAfter) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("JShell failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Prints what the snippet gave; false if it failed (the cell stops there). */
    private boolean report(JShell js, List<SnippetEvent> events, String snippet, String cellSource, int offset,
                           int firstLine, int cellNumber, PrintStream out, List<CellResult.Problem> problems) {
        boolean ok = true;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;  // updates of earlier snippets that depend on this one
            }
            Snippet s = event.snippet();
            int startLine = firstLine + lineOf(cellSource, offset + leadingBlank(snippet)) - 1;
            // Stack frames give lines within the snippet; remember where its line 1 is in the README and cell.
            snippetLines.put(s.id(), new int[]{firstLine + lineOf(cellSource, offset) - 1, cellNumber,
                    lineOf(cellSource, offset) - 1});
            if (event.exception() != null) {
                exception(event.exception(), out, problems, startLine);
                ok = false;
            } else if (event.status() == Snippet.Status.REJECTED) {
                diagnostics(js, s, snippet, cellSource, offset, firstLine, out, problems);
                ok = false;
            } else if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                List<String> missing = js.unresolvedDependencies((DeclarationSnippet) s).toList();
                out.println("(" + s.subKind().toString().toLowerCase().replace("_subkind", "").replace('_', ' ')
                        + " defined, but it cannot be used until " + String.join(", ", missing) + " is declared)");
            } else if (event.value() != null && shown(s)) {
                String name = s instanceof VarSnippet v ? v.name() : ((ExpressionSnippet) s).name();
                out.println(name + " ==> " + IDENTITY_HASH.matcher(event.value()).replaceAll("$1@…"));
            }
        }
        return ok;
    }

    /** Like jshell: the value of an expression ($1 ==> 42, x ==> 5), not of declarations. */
    private static boolean shown(Snippet s) {
        return s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND || s instanceof ExpressionSnippet;
    }

    private void exception(JShellException e, PrintStream out, List<CellResult.Problem> problems, int startLine) {
        String type = e instanceof EvalException ev ? ev.getExceptionClassName() : "UnresolvedReference";
        String message = e instanceof UnresolvedReferenceException u
                ? "this uses " + u.getSnippet() + " which cannot be run until what it needs is declared"
                : e.getMessage();
        boolean sqlFailure = type.equals(SqlFailure.class.getName());
        String head = sqlFailure ? "SQL failed: " + message
                : type.equals(ServiceUnavailable.class.getName()) ? message
                : "Exception " + type + (message == null ? "" : ": " + message);
        out.println(head);
        int line = startLine;
        boolean first = true;
        for (StackTraceElement frame : e.getStackTrace()) {
            int[] where = frame.getFileName() == null ? null : snippetLines.get(frame.getFileName().replace("#", ""));
            if (where == null) {
                continue;
            }
            int readmeLine = where[0] + frame.getLineNumber() - 1;
            if (first) {
                line = readmeLine;
                first = false;
            }
            String method = frame.getMethodName().isEmpty() || frame.getMethodName().equals("do_it$") ? ""
                    : frame.getMethodName() + " ";
            out.println("      at " + method + "(cell " + where[1] + ", line "
                    + (where[2] + frame.getLineNumber()) + ")");
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String causeType = cause instanceof EvalException ev ? ev.getExceptionClassName() : cause.getClass().getName();
            out.println("Caused by: " + causeType + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        }
        problems.add(new CellResult.Problem(line, head));
    }

    private void diagnostics(JShell js, Snippet s, String snippet, String cellSource, int offset, int firstLine,
                             PrintStream out, List<CellResult.Problem> problems) {
        List<Diag> diags = js.diagnostics(s).filter(Diag::isError).toList();
        for (Diag d : diags) {
            long pos = d.getPosition() >= 0 ? d.getPosition() : Math.max(0, d.getStartPosition());
            int at = (int) Math.min(cellSource.length(), offset + pos);
            int cellLine = lineOf(cellSource, at);
            String message = d.getMessage(null);
            out.println("Error at line " + cellLine + " of this cell: " + message.replace("\n", "\n  "));
            out.println(caret(cellSource, at));
            problems.add(new CellResult.Problem(firstLine + cellLine - 1, "error: " + message.lines().findFirst().orElse("")));
        }
        missingSemicolon(js, snippet).ifPresent(lineInSnippet -> {
            int cellLine = lineOf(cellSource, offset) + lineInSnippet - 1;
            String hint = "missing ';' at the end of line " + cellLine + "? Java read the next line as part of the "
                    + "same statement.";
            out.println("Hint: " + hint);
            problems.add(new CellResult.Problem(firstLine + cellLine - 1, "missing ';' at the end of this line?"));
        });
        if (diags.isEmpty()) {
            out.println("Error at line " + lineOf(cellSource, offset + leadingBlank(snippet)) + " of this cell: "
                    + "JShell rejected this code");
            problems.add(new CellResult.Problem(firstLine + lineOf(cellSource, offset) - 1, "error: rejected"));
        }
    }

    /**
     * The 1-based line of a rejected snippet after which a ';' is probably missing: a line that would be a
     * complete statement if a semicolon were added, followed by more code.
     */
    private static Optional<Integer> missingSemicolon(JShell js, String snippet) {
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        int lineNo = 1;
        for (int i = 0; i < snippet.length(); i++) {
            if (snippet.charAt(i) != '\n') {
                continue;
            }
            String head = snippet.substring(0, i);
            String rest = snippet.substring(i + 1);
            if (!head.isBlank() && !rest.isBlank()
                    && analysis.analyzeCompletion(head).completeness() == Completeness.COMPLETE_WITH_SEMI) {
                return Optional.of(lineNo);
            }
            lineNo++;
        }
        return Optional.empty();
    }

    /** The source line at a character offset and a caret under the position, as javac prints them. */
    private static String caret(String text, int at) {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at > 0 && at <= text.length() && text.charAt(at - 1) == '\n') {
            start = at;
        }
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        return "    " + line + "\n    " + " ".repeat(Math.max(0, at - start)) + "^";
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A fresh JShell in place of this one, which is closed. */
    private void restart() {
        closeShell();
        snippetLines.clear();
        start();
    }

    /** Leaves a snippet thread that would not stop behind (daemon) and starts a fresh JShell. */
    private void abandon() {
        // Not closed: its eval thread is stuck inside it. Both threads are daemons and die with the JVM.
        thread.shutdownNow();
        snippetLines.clear();
        start();
    }

    @Override
    public void close() {
        try {
            closeShell();
        } finally {
            studentClasses.ifPresent(StudentClasses::close);
        }
    }

    private void closeShell() {
        try {
            if (shell.isDone()) {
                jshell().close();
            } else {
                shell.cancel(true);
            }
        } catch (RuntimeException e) {
            // Closing anyway.
        }
        thread.shutdownNow();
    }
}
