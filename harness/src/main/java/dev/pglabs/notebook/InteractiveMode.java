package dev.pglabs.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The default mode: the README's prose, then each cell; Enter runs it, {@code e} edits it first (in $VISUAL or
 * $EDITOR, else line by line; the README is not changed), {@code s} skips it, {@code r} opens the REPL,
 * {@code q} quits. After the last cell the REPL opens with the same database and Java state.
 */
public final class InteractiveMode {

    public static final String KEYS = "[Enter] run · e edit · s skip · r REPL · q quit";

    private final NotebookSession session;
    private final LineInput input;
    private final PrintStream out;
    private final CellView view;

    public InteractiveMode(NotebookSession session, LineInput input, PrintStream out, boolean color) {
        this.session = session;
        this.input = input;
        this.out = out;
        this.view = new CellView(out, color);
    }

    /** Steps through the notebook, then the REPL; returns when the reader quits or input ends. */
    public void run() {
        Notebook notebook = session.notebook();
        for (Cell cell : notebook.cells()) {
            view.prose(notebook.proseBefore(cell));
            view.header(notebook, cell);
            String source = cell.source();
            view.code(cell, source);
            if (cell.skipped()) {
                out.println(view.paint("2", "  (marked skip: not run by the notebook; e to edit and run it)"));
            }
            boolean next = false;
            while (!next) {
                String answer = input.readLine(view.paint("2", KEYS + " > "));
                if (answer == null) {
                    return;
                }
                switch (answer.strip().toLowerCase(Locale.ROOT)) {
                    case "" -> {
                        if (!cell.skipped() || !source.equals(cell.source())) {
                            view.result(notebook, session.run(cell.withSource(source).withoutSkip(), source));
                        }
                        next = true;
                    }
                    case "e" -> {
                        source = edit(cell, source);
                        out.println("Edited (the README stays as it is):");
                        view.code(cell, source);
                    }
                    case "s" -> next = true;
                    case "r" -> {
                        if (!new Repl(session, input, out, view).run()) {
                            return;
                        }
                        view.header(notebook, cell);
                        view.code(cell, source);
                    }
                    case "q" -> {
                        return;
                    }
                    default -> out.println("  " + KEYS);
                }
            }
        }
        view.prose(notebook.proseAfterLastCell());
        out.println();
        out.println("End of " + notebook.displayName() + ". The REPL keeps the same database and Java state.");
        new Repl(session, input, out, view).run();
    }

    private String edit(Cell cell, String source) {
        String editor = firstNonBlank(System.getenv("VISUAL"), System.getenv("EDITOR"));
        if (editor != null) {
            try {
                Path file = Files.createTempFile("pglabs-cell-" + cell.number() + "-",
                        cell.language() == Cell.Language.SQL ? ".sql" : ".java");
                Files.writeString(file, source, StandardCharsets.UTF_8);
                int status = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "editor", file.toString())
                        .inheritIO().start().waitFor();
                String edited = Files.readString(file, StandardCharsets.UTF_8);
                Files.deleteIfExists(file);
                return status == 0 ? edited : source;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return source;
            }
        }
        out.println("Type the new code, then a line with only a dot (.) to finish; an empty edit keeps the old code.");
        StringBuilder sb = new StringBuilder();
        while (true) {
            String line = input.readLine("  edit> ");
            if (line == null || line.equals(".")) {
                break;
            }
            sb.append(line).append('\n');
        }
        return sb.toString().isBlank() ? source : sb.toString();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
