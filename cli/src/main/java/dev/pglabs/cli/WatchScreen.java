package dev.pglabs.cli;

import dev.pglabs.reports.ConsoleReport;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where {@code pglabs watch} draws each grading. On a terminal (JLine) the screen is cleared before each redraw and
 * lines are wrapped to its current width. Anywhere else (a pipe, a log) nothing is cleared and no escape code is
 * written: each grading starts under a dated divider line.
 */
final class WatchScreen implements AutoCloseable {

    private static final DateTimeFormatter DIVIDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** JLine's view of the terminal, for its width and its clear-screen sequence; null when not a terminal. */
    private final org.jline.terminal.Terminal terminal;
    private final PrintStream out;
    private final ConsoleReport report;

    private WatchScreen(org.jline.terminal.Terminal terminal, PrintStream out) {
        this.terminal = terminal;
        this.out = out;
        this.report = new ConsoleReport(out, terminal != null && Terminal.colour());
    }

    static WatchScreen open(PrintStream out) throws IOException {
        if (!Terminal.isTerminal()) {
            return new WatchScreen(null, out);
        }
        // No signal handlers of JLine's: Ctrl-C must end the JVM through its shutdown hooks, which stop the embedded
        // server (JLine's default handler would end it at once and leave the server running). The width is read
        // from the terminal each time, so a resize needs no handler either.
        return new WatchScreen(TerminalBuilder.builder().system(true).nativeSignals(false).build(), out);
    }

    PrintStream out() {
        return out;
    }

    ConsoleReport report() {
        return report;
    }

    /** Prints a line wrapped to the width. */
    void line(String text) {
        report.line(text, width());
    }

    /** Columns to wrap at: the terminal's width now (it may have been resized), unlimited in a log. */
    int width() {
        int width = terminal == null ? 0 : terminal.getWidth();
        return width > 0 ? width : Integer.MAX_VALUE;
    }

    /** Starts a new drawing: clears the terminal, or writes the dated divider. */
    void newFrame() {
        out.flush();
        if (terminal != null && terminal.getStringCapability(Capability.clear_screen) != null) {
            terminal.puts(Capability.clear_screen);
            terminal.flush();
            return;
        }
        out.println();
        out.println("──────── " + LocalDateTime.now().format(DIVIDER_TIME) + " ────────");
    }

    @Override
    public void close() throws IOException {
        if (terminal != null) {
            terminal.close();
        }
    }
}
