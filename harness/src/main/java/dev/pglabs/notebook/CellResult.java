package dev.pglabs.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * What running a cell gave: its output (as recorded in the README) and, for the console, its problems with
 * README file:line.
 *
 * @param output   deterministic text: results, command tags, printed lines, errors (positions relative to the
 *                 cell, so an edit elsewhere in the README does not change it)
 * @param problems errors and time-outs, each at its README line, for the person running the notebook
 */
public record CellResult(Cell cell, Status status, String output, List<Problem> problems) {

    public enum Status { OK, ERROR, TIMEOUT, SKIPPED }

    /** A problem at a README line (0 when the line is unknown). */
    public record Problem(int line, String message) {
    }

    public CellResult {
        output = normalize(output);
        problems = List.copyOf(problems);
    }

    public static CellResult skipped(Cell cell) {
        return new CellResult(cell, Status.SKIPPED, "", List.of());
    }

    /** Whether the cell did what the README says: ran clean, or failed when marked {@code error}. */
    public boolean asExpected() {
        return switch (status) {
            case SKIPPED -> true;
            case OK -> !cell.expectsError();
            case ERROR -> cell.expectsError();
            case TIMEOUT -> false;
        };
    }

    /** One line per problem, "README.md:12: message", plus a note when an expected error did not happen. */
    public List<String> describe(Notebook notebook) {
        List<String> lines = new ArrayList<>();
        if (status == Status.OK && cell.expectsError()) {
            lines.add(notebook.at(cell.fenceLine()) + ": this cell is marked '" + cell.kind()
                    + "' but ran without an error.");
        }
        for (Problem p : problems) {
            lines.add(notebook.at(p.line() > 0 ? p.line() : cell.fenceLine()) + ": " + p.message());
        }
        return lines;
    }

    /**
     * The form outputs are compared and recorded in: \n line breaks, no trailing spaces (editors strip them
     * from Markdown), no blank lines at the start or end.
     */
    static String normalize(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.stripTrailing()).append('\n');
        }
        String s = sb.toString();
        int start = 0;
        while (start < s.length() && s.charAt(start) == '\n') {
            start++;
        }
        return s.substring(start).stripTrailing();
    }
}
