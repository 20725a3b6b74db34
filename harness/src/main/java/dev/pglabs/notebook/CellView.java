package dev.pglabs.notebook;

import java.io.PrintStream;
import java.util.List;

/** How cells, outputs and prose look in a terminal: prose rendered from Markdown, code and results indented. */
final class CellView {

    /** Prose is not wrapped wider than this, however wide the terminal: long lines are hard to read. */
    private static final int MAX_PROSE_WIDTH = 100;

    private final PrintStream out;
    private final boolean color;
    private final MarkdownRenderer markdown;

    CellView(PrintStream out, boolean color) {
        this(out, color, 80);
    }

    /** @param width the terminal's columns */
    CellView(PrintStream out, boolean color, int width) {
        this.out = out;
        this.color = color;
        // One column spare: a line that fills the last column makes some terminals add an empty line.
        this.markdown = new MarkdownRenderer(Math.min(width - 1, MAX_PROSE_WIDTH), color);
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

    /** Markdown prose rendered for the terminal, one string per section (a heading starts a section). */
    List<String> proseSections(String markdownText) {
        return markdown.sections(markdownText);
    }

    String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
