package dev.pglabs.notebook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Where the interactive mode reads its lines: JLine on a terminal, a plain reader otherwise (pipes, tests). */
public interface LineInput extends AutoCloseable {

    /** The next line, or null at the end of input. */
    String readLine(String prompt);

    @Override
    default void close() {
    }

    /** JLine (history, line editing) when a terminal is attached, else plain lines from standard input. */
    static LineInput forConsole(PrintStream out) {
        if (System.console() != null) {
            try {
                return new JLineInput();
            } catch (IOException | RuntimeException e) {
                // No usable terminal: fall back to plain lines.
            }
        }
        return plain(new BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)), out);
    }

    static LineInput plain(BufferedReader reader, PrintStream out) {
        return prompt -> {
            out.print(prompt);
            out.flush();
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
