package dev.pglabs.notebook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Where the interactive mode reads its lines: JLine on a terminal, a plain reader otherwise (pipes, tests). */
public interface LineInput extends AutoCloseable {

    /** The next line, or null at the end of input. */
    String readLine(String prompt);

    /**
     * The reader's edit of {@code text}: on a terminal the text is put in the line editor to change in place
     * (Enter accepts); elsewhere the new text is typed line by line. Blank when the reader cancelled the edit,
     * null at the end of input.
     */
    String edit(String prompt, String text);

    /**
     * Waits for a key after a page of prose: "" to go on, "q" to stop, null at the end of input. Only a terminal
     * waits; piped input is not paged (its lines are answers to the cell prompts).
     */
    default String pause(String prompt) {
        return "";
    }

    /** Rows of the screen, for paging prose within a long section; 0 when unknown (not paged by rows). */
    default int height() {
        return 0;
    }

    /** Columns to wrap prose at. */
    default int width() {
        return 80;
    }

    /** True when output goes to a terminal that understands escape codes (styles are off otherwise). */
    default boolean ansi() {
        return false;
    }

    @Override
    default void close() {
    }

    /** JLine (history, line editing) when a terminal is attached, else plain lines from standard input. */
    static LineInput forConsole(PrintStream out) {
        if (System.console() != null) {
            try {
                return JLineInput.system();
            } catch (IOException | RuntimeException e) {
                // No usable terminal: fall back to plain lines.
            }
        }
        return plain(new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), out);
    }

    /** Lines from {@code reader}; an edit is typed anew, ended by a line with only a dot. */
    static LineInput plain(BufferedReader reader, PrintStream out) {
        return new LineInput() {
            @Override
            public String readLine(String prompt) {
                out.print(prompt);
                out.flush();
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String edit(String prompt, String text) {
                out.println("Type the new code, then a line with only a dot (.) to finish; an empty edit keeps"
                        + " the cell as it was.");
                StringBuilder sb = new StringBuilder();
                while (true) {
                    String line = readLine("  edit> ");
                    if (line == null && sb.isEmpty()) {
                        return null;
                    }
                    if (line == null || line.equals(".")) {
                        break;
                    }
                    sb.append(line).append('\n');
                }
                return sb.toString();
            }
        };
    }
}
