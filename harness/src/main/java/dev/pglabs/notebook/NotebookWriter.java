package dev.pglabs.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * Writes recorded outputs back into the notebook's text. Only the output blocks of the given cells change:
 * every other byte of the file stays as it was, so a diff shows exactly the outputs that changed.
 */
public final class NotebookWriter {

    private NotebookWriter() {
    }

    /**
     * The notebook's text with new outputs.
     *
     * @param outputs per cell number, the output to record; an empty string removes the cell's block; cells
     *                without an entry keep theirs
     */
    public static String render(Notebook notebook, Map<Integer, String> outputs) {
        String text = notebook.text();
        String sep = notebook.lineSeparator();
        StringBuilder out = new StringBuilder(text.length() + 1024);
        int copied = 0;
        for (Cell cell : notebook.cells()) {
            String output = outputs.get(cell.number());
            if (output == null) {
                continue;
            }
            String indent = indentOf(text, cell.start());
            if (cell.output().isPresent()) {
                RecordedOutput old = cell.output().get();
                if (output.isEmpty()) {
                    out.append(text, copied, cell.end());
                } else {
                    out.append(text, copied, old.start()).append(block(output, indent, sep));
                }
                copied = old.end();
            } else if (!output.isEmpty()) {
                out.append(text, copied, cell.end());
                if (cell.end() == 0 || text.charAt(cell.end() - 1) != '\n') {
                    out.append(sep);  // the closing fence was the file's last line, without a line break
                }
                out.append(sep).append(block(output, indent, sep));
                copied = cell.end();
            }
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    /** Writes the file only if its text changes; returns whether it did. */
    public static boolean write(Notebook notebook, Map<Integer, String> outputs) {
        String updated = render(notebook, outputs);
        if (updated.equals(notebook.text())) {
            return false;
        }
        try {
            Files.writeString(notebook.file(), updated, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + notebook.file() + ": " + e.getMessage(), e);
        }
    }

    /** The marked block, indented like the cell (a cell inside a list item keeps its output in the item). */
    static String block(String output, String indent, String sep) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(output) + 1));
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append(RecordedOutput.OPEN).append(sep);
        sb.append(indent).append(fence).append("text").append(sep);
        for (String line : output.split("\n", -1)) {
            sb.append(line.isEmpty() ? "" : indent).append(line).append(sep);
        }
        sb.append(indent).append(fence).append(sep);
        sb.append(indent).append(RecordedOutput.CLOSE).append(sep);
        return sb.toString();
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static String indentOf(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return text.substring(lineStart, i);
    }
}
