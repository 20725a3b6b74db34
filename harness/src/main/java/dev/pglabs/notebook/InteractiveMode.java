package dev.pglabs.notebook;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The default mode: the README's prose rendered for the terminal a section (or a screenful) at a time (space or
 * Enter for more), then each cell. Enter runs it, {@code e} opens it in the line editor and runs the edit (the
 * README is not changed), {@code s} skips it, {@code b} goes back a cell, {@code r} opens the REPL, {@code q} quits. After
 * a cell fails, Enter retries it. After the last cell the REPL opens with the same database and Java state.
 */
public final class InteractiveMode {

    public static final String KEYS = "[Enter] run · e edit · s skip · b back · r REPL · q quit";
    public static final String ERROR_KEYS = "[Enter] retry · e edit · s skip · b back · r REPL · q quit";
    public static final String MORE = "── space: more · q: quit ──";

    private enum Move { NEXT, BACK, QUIT }

    private final NotebookSession session;
    private final LineInput input;
    private final PrintStream out;
    private final CellView view;

    /** @param color styles as escape codes (a terminal, NO_COLOR not set) */
    public InteractiveMode(NotebookSession session, LineInput input, PrintStream out, boolean color) {
        this.session = session;
        this.input = input;
        this.out = out;
        this.view = new CellView(out, color, input.width());
    }

    /** Steps through the notebook, then the REPL; returns when the reader quits or input ends. */
    public void run() {
        Notebook notebook = session.notebook();
        List<Cell> cells = notebook.cells();
        int i = 0;
        int shown = -1;  // prose is shown once, on the way forward
        while (i < cells.size()) {
            Cell cell = cells.get(i);
            if (i > shown) {
                if (!prose(notebook.proseBefore(cell))) {
                    return;
                }
                shown = i;
            }
            switch (step(notebook, cell, i > 0)) {
                case NEXT -> i++;
                case BACK -> i--;
                case QUIT -> {
                    return;
                }
            }
        }
        if (!prose(notebook.proseAfterLastCell())) {
            return;
        }
        out.println();
        out.println("End of " + notebook.displayName() + ". The REPL keeps the same database and Java state.");
        new Repl(session, input, out, view).run();
    }

    /**
     * Shows prose section by section, and a section taller than the screen a screenful at a time, so nothing
     * scrolls by unread; false when the reader quits.
     */
    private boolean prose(String markdown) {
        // Two rows stay free: the "more" prompt, and the line it replaces.
        int room = input.height() > 4 ? input.height() - 2 : Integer.MAX_VALUE;
        int used = 0;
        List<String> sections = view.proseSections(markdown);
        for (int s = 0; s < sections.size(); s++) {
            if (s > 0) {
                if (!more()) {
                    return false;
                }
                used = 0;
            }
            for (String line : ("\n" + sections.get(s)).split("\n", -1)) {
                if (used >= room) {
                    if (!more()) {
                        return false;
                    }
                    used = 0;
                }
                out.println(line);
                used++;
            }
        }
        out.flush();
        return true;
    }

    private boolean more() {
        out.flush();
        String key = input.pause(MORE);
        return key != null && !key.equals("q");
    }

    private Move step(Notebook notebook, Cell cell, boolean canGoBack) {
        view.header(notebook, cell);
        String source = cell.source();
        view.code(cell, source);
        if (cell.skipped()) {
            out.println(view.paint("2", "  (marked skip: not run by the notebook; e to edit and run it)"));
        }
        boolean failed = false;
        while (true) {
            String answer = input.readLine(view.paint("2", (failed ? ERROR_KEYS : KEYS) + " > "));
            if (answer == null) {
                return Move.QUIT;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "" -> {
                    if (cell.skipped() && source.equals(cell.source())) {
                        return Move.NEXT;
                    }
                    failed = !run(notebook, cell, source);
                    if (!failed) {
                        return Move.NEXT;
                    }
                }
                case "e" -> {
                    String edited = input.edit("", source);
                    if (edited == null) {
                        return Move.QUIT;
                    }
                    if (edited.isBlank()) {
                        out.println("  (edit cancelled: the cell is as it was)");
                        continue;
                    }
                    source = edited;
                    failed = !run(notebook, cell, source);
                    if (!failed) {
                        return Move.NEXT;
                    }
                }
                case "s" -> {
                    return Move.NEXT;
                }
                case "b" -> {
                    if (canGoBack) {
                        return Move.BACK;
                    }
                    out.println("  This is the first cell.");
                }
                case "r" -> {
                    if (!new Repl(session, input, out, view).run()) {
                        return Move.QUIT;
                    }
                    view.header(notebook, cell);
                    view.code(cell, source);
                }
                case "q" -> {
                    return Move.QUIT;
                }
                default -> out.println("  " + (failed ? ERROR_KEYS : KEYS));
            }
        }
    }

    /** Runs the cell (edited or not); true when it did what it should. */
    private boolean run(Notebook notebook, Cell cell, String source) {
        CellResult result = session.run(cell.withSource(source).withoutSkip(), source);
        view.result(notebook, result);
        return result.asExpected();
    }
}
