package dev.pglabs.notebook;

import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Terminal input with line editing and history (JLine). Ctrl-C clears the line, Ctrl-D ends the input. When
 * editing a cell, Enter accepts the whole cell and Alt-Enter starts a new line.
 */
final class JLineInput implements LineInput {

    private static final String NEW_LINE = "pglabs-new-line";

    private final Terminal terminal;
    private final LineReader reader;

    /** On the given terminal (tests hand in one built on streams). */
    JLineInput(Terminal terminal) {
        this.terminal = terminal;
        reader = LineReaderBuilder.builder().terminal(terminal).appName("pglabs")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)  // '!' is common in SQL and Java
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P  ")
                .build();
        reader.getWidgets().put(NEW_LINE, () -> {
            reader.getBuffer().write('\n');
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(NEW_LINE), KeyMap.alt('\r'), KeyMap.alt('\n'));
    }

    static JLineInput system() throws IOException {
        return new JLineInput(TerminalBuilder.builder().system(true).build());
    }

    @Override
    public String readLine(String prompt) {
        return edit(prompt, null);
    }

    @Override
    public String edit(String prompt, String text) {
        try {
            String line = reader.readLine(prompt, null, text == null ? null : text.stripTrailing());
            return text == null || line.endsWith("\n") ? line : line + "\n";
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /** One key, no Enter needed: space or Enter go on. */
    @Override
    public String pause(String prompt) {
        terminal.writer().print(prompt);
        terminal.writer().flush();
        Attributes saved = terminal.enterRawMode();
        try {
            NonBlockingReader keys = terminal.reader();
            int key = keys.read();
            return switch (key) {
                case -1, 4 -> null;  // end of input, Ctrl-D
                case ' ', '\r', '\n' -> "";
                default -> String.valueOf((char) Character.toLowerCase(key));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.setAttributes(saved);
            // The prompt is replaced by what comes next.
            terminal.writer().print("\r" + " ".repeat(prompt.length()) + "\r");
            terminal.writer().flush();
        }
    }

    @Override
    public int height() {
        return Math.max(0, terminal.getHeight());
    }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width > 0 ? width : 80;
    }

    @Override
    public boolean ansi() {
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
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
