package dev.pglabs.notebook;

import java.io.PrintStream;

/** How cells, outputs and prose look in a terminal: plain text with light formatting. */
final class CellView {

    private final PrintStream out;
    private final boolean color;

    CellView(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    void header(Notebook notebook, Cell cell) {
        out.println();
        out.println(paint("36", "── cell " + cell.number() + "/" + notebook.cells().size() + " · " + cell.kind()
                + " · " + notebook.at(cell.fenceLine()) + " " + "─".repeat(8)));
    }

    void code(Cell cell, String source) {
        source.lines().forEach(line -> out.println(paint("1", "  " + line)));
    }

    void result(Notebook notebook, CellResult result) {
        if (!result.output().isEmpty()) {
            result.output().lines().forEach(line -> out.println("  " + line));
        }
        if (!result.asExpected()) {
            for (String problem : result.describe(notebook)) {
                out.println(paint("31", "  ✗ " + problem));
            }
        } else if (result.cell().expectsError() && result.status() == CellResult.Status.ERROR) {
            out.println(paint("33", "  (an error, as this cell expects)"));
        }
        out.println();
        out.flush();
    }

    /** Markdown prose: headings stand out, output markers and blank runs are dropped. */
    void prose(String markdown) {
        boolean blank = true;
        for (String line : markdown.lines().toList()) {
            if (line.strip().startsWith("<!--")) {
                continue;
            }
            if (line.isBlank()) {
                if (!blank) {
                    out.println();
                }
                blank = true;
                continue;
            }
            blank = false;
            out.println(line.startsWith("#") ? paint("1;4", line.replaceFirst("^#+\\s*", "")) : line);
        }
    }

    String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
