package dev.pglabs.notebook;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;

/** Terminal input with line editing and history (JLine). Ctrl-C clears the line, Ctrl-D ends the input. */
final class JLineInput implements LineInput {

    private final Terminal terminal;
    private final LineReader reader;

    JLineInput() throws IOException {
        terminal = TerminalBuilder.builder().system(true).build();
        reader = LineReaderBuilder.builder().terminal(terminal).appName("pglabs")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)  // '!' is common in SQL and Java
                .build();
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
