package dev.pglabs.notebook;

import java.io.PrintStream;

/**
 * The notebook's REPL, on the same database connection and JShell as the cells. It reads SQL or Java; the
 * prompt says which. SQL runs when a line ends with ';' (as in psql); Java runs when the snippet is complete
 * (as in jshell). Lines starting with a backslash are commands, see {@link #HELP}.
 */
final class Repl {

    static final String HELP = """
            REPL commands (the prompt shows the language: sql> or java>):
              \\sql            switch to SQL: a statement runs when a line ends with ';'
              \\java           switch to Java (jshell): helpers sql("…"), query("…"), explain("…"),
                              connection(), check()
              \\sql SELECT …;  run one SQL statement from Java mode
              \\check          grade your exercise files for this lab (visible checks)
              \\cells          list the notebook's cells;   \\run N  run cell N again
              \\help           this help;                   \\q  leave the REPL""";

    private final NotebookSession session;
    private final LineInput input;
    private final PrintStream out;
    private final CellView view;
    private Cell.Language language;

    Repl(NotebookSession session, LineInput input, PrintStream out, CellView view) {
        this.session = session;
        this.input = input;
        this.out = out;
        this.view = view;
        this.language = session.javaLab() ? Cell.Language.JAVA : Cell.Language.SQL;
    }

    /** Reads until \q (returns true) or the end of input (false). */
    boolean run() {
        out.println("REPL: SQL or Java on the notebook's database. \\help for help, \\q to leave.");
        StringBuilder buffer = new StringBuilder();
        while (true) {
            String prompt = buffer.length() > 0 ? "  ...> " : language.label() + "> ";
            String line = input.readLine(prompt);
            if (line == null) {
                return false;
            }
            if (buffer.length() == 0 && line.strip().startsWith("\\")) {
                if (!command(line.strip())) {
                    return true;
                }
                continue;
            }
            if (buffer.length() == 0 && line.isBlank()) {
                continue;
            }
            buffer.append(line).append('\n');
            String text = buffer.toString();
            boolean complete = language == Cell.Language.SQL ? text.stripTrailing().endsWith(";")
                    : session.javaComplete(text);
            if (complete) {
                buffer.setLength(0);
                show(session.runTyped(language, text));
            }
        }
    }

    /** Runs a backslash command; false to leave the REPL. */
    private boolean command(String line) {
        String[] parts = line.split("\\s+", 2);
        switch (parts[0]) {
            case "\\q", "\\quit", "\\exit" -> {
                return false;
            }
            case "\\sql" -> {
                if (parts.length > 1) {
                    show(session.runTyped(Cell.Language.SQL, parts[1]));
                } else {
                    language = Cell.Language.SQL;
                }
            }
            case "\\java" -> language = Cell.Language.JAVA;
            case "\\check" -> show(session.runTyped(Cell.Language.JAVA, "check();"));
            case "\\cells" -> session.notebook().cells().forEach(c -> out.printf("  %3d  %-10s line %-5d %s%n",
                    c.number(), c.kind(), c.fenceLine(),
                    c.source().lines().filter(l -> !l.isBlank()).findFirst().orElse("")));
            case "\\run" -> {
                try {
                    Cell cell = session.notebook().cell(Integer.parseInt(parts.length > 1 ? parts[1].strip() : ""));
                    view.header(session.notebook(), cell);
                    view.code(cell, cell.source());
                    view.result(session.notebook(), session.run(cell));
                } catch (IllegalArgumentException e) {
                    out.println("  \\run N runs cell N: " + e.getMessage());
                }
            }
            case "\\help" -> out.println(HELP);
            default -> out.println("Unknown command " + parts[0] + ". \\help lists the commands.");
        }
        return true;
    }

    private void show(CellResult result) {
        if (!result.output().isEmpty()) {
            out.println(result.output());
        }
        for (CellResult.Problem p : result.problems()) {
            if (!result.output().contains(p.message())) {
                out.println(view.paint("31", "✗ " + p.message()));
            }
        }
    }
}
