package dev.pglabs.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code next()}, {@code run(n)} and {@code where()}: steps through the README's cells from a REPL. In the
 * jshell command a Java cell cannot be typed into jshell from inside a snippet, so it is written to a file and
 * jshell's {@code /open} runs it in the shell's own state.
 */
public final class Stepper {

    private final NotebookSession session;
    private final PrintStream out;
    private final Path javaCellDir;
    private final CellView view;
    private int next = 1;
    private int last;

    /**
     * @param javaCellDir where Java cells are written for jshell's {@code /open}; null in the notebook's own
     *                    REPL, where {@code \run N} runs them
     */
    public Stepper(NotebookSession session, PrintStream out, Path javaCellDir) {
        this.session = session;
        this.out = out;
        this.javaCellDir = javaCellDir;
        this.view = new CellView(out, false);
    }

    public void next() {
        Notebook notebook = session.notebook();
        while (next <= notebook.cells().size() && notebook.cell(next).skipped()) {
            next++;
        }
        if (next > notebook.cells().size()) {
            out.println("That was the last cell of " + notebook.displayName() + ". run(n) runs cell n again.");
            return;
        }
        run(next);
    }

    public void run(int n) {
        Notebook notebook = session.notebook();
        Cell cell = notebook.cell(n);
        view.header(notebook, cell);
        view.code(cell, cell.source());
        last = n;
        next = n + 1;
        if (cell.language() == Cell.Language.JAVA && javaCellDir == null) {
            // Called from a snippet: JShell cannot evaluate another snippet until this one returns.
            out.println("This is a Java cell: run it from the REPL prompt with \\run " + n + ".");
            return;
        }
        if (cell.language() == Cell.Language.JAVA) {
            Path file = javaCellDir.resolve("cell-" + n + ".jsh");
            try {
                Files.writeString(file, cell.source(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("This is a Java cell. Run it in this shell with:");
            out.println("  /open " + file);
            return;
        }
        out.println();
        view.result(notebook, session.run(cell));
    }

    public void where() {
        Notebook notebook = session.notebook();
        out.println(notebook.displayName() + ": " + notebook.cells().size() + " cells.");
        if (last > 0) {
            Cell cell = notebook.cell(last);
            out.println("  last run: cell " + last + " (" + cell.kind() + ", line " + cell.fenceLine() + ")");
        }
        if (next <= notebook.cells().size()) {
            Cell cell = notebook.cell(next);
            String first = cell.source().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            out.println("  next():   cell " + next + " (" + cell.kind() + ", line " + cell.fenceLine() + "): " + first);
        } else {
            out.println("  next():   nothing left; run(n) runs cell n again.");
        }
    }
}
