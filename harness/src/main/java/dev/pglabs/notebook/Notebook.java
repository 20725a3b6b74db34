package dev.pglabs.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * A lab README read as a notebook: its exact text (so writing back preserves every other byte) and its cells.
 *
 * @param file          where it was read from
 * @param displayName   how messages name it, e.g. "labs/01-sql-basics/README.md"
 * @param text          the whole file
 * @param lineSeparator the file's line break ("\n" or "\r\n"), used for inserted output blocks
 */
public record Notebook(Path file, String displayName, String text, List<Cell> cells, String lineSeparator) {

    public Notebook {
        cells = List.copyOf(cells);
    }

    /** "labs/01-sql-basics/README.md:42", the form editors and terminals turn into links. */
    public String at(int line) {
        return displayName + ":" + line;
    }

    public Cell cell(int number) {
        if (number < 1 || number > cells.size()) {
            throw new IllegalArgumentException("There is no cell " + number + ": this notebook has cells 1 to "
                    + cells.size() + ".");
        }
        return cells.get(number - 1);
    }

    /** The Markdown between the previous cell (or its recorded output) and this cell. */
    public String proseBefore(Cell cell) {
        int from = 0;
        if (cell.number() > 1) {
            Cell previous = cells.get(cell.number() - 2);
            from = previous.output().map(RecordedOutput::end).orElse(previous.end());
        }
        return text.substring(from, cell.start());
    }

    /** The Markdown after the last cell. */
    public String proseAfterLastCell() {
        if (cells.isEmpty()) {
            return text;
        }
        Cell last = cells.get(cells.size() - 1);
        return text.substring(last.output().map(RecordedOutput::end).orElse(last.end()));
    }

    public boolean hasRecordedOutputs() {
        return cells.stream().anyMatch(c -> c.output().isPresent());
    }
}
