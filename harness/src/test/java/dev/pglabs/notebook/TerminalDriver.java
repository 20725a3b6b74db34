package dev.pglabs.notebook;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The interactive mode on a JLine xterm of 60 × 24 built on pipes: the test types keys and waits
 * until the screen output shows a text. Waiting is on the output itself; the long limit only turns a hang into a
 * failure with the output so far, it is not a timing.
 */
final class TerminalDriver implements AutoCloseable {

    private static final Duration HANG = Duration.ofMinutes(3);

    private final PipedOutputStream keys = new PipedOutputStream();
    /** Everything written to the terminal, decoded anew when read (a character cut in two decodes later). */
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Thread program;
    private int mark;

    /** Starts {@code body} with the terminal's line input and a print stream to its screen. */
    TerminalDriver(BiConsumer<LineInput, PrintStream> body) {
        try {
            PipedInputStream in = new PipedInputStream(keys, 1 << 16);
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (screen) {
                        screen.write(b, off, len);
                        screen.notifyAll();
                    }
                }
            };
            // JLine's terminal on streams, with its own line discipline: no pseudo-terminal device, so no pump
            // thread is left reading a closed descriptor when the test ends.
            terminal = new ExternalTerminal("pglabs-test", "xterm", in, sink, StandardCharsets.UTF_8);
            terminal.setSize(new Size(60, 24));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JLineInput input = new JLineInput(terminal);
        PrintStream out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        program = new Thread(() -> body.accept(input, out), "notebook-under-test");
        program.setDaemon(true);
        program.start();
    }

    void type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code text} appears after the last text waited for; returns the output up to it. */
    String await(String text) {
        long deadline = System.nanoTime() + HANG.toNanos();
        synchronized (screen) {
            while (true) {
                String shown = screen.toString(StandardCharsets.UTF_8);
                int at = shown.indexOf(text, mark);
                if (at >= 0) {
                    String seen = shown.substring(mark, at + text.length());
                    mark = at + text.length();
                    return seen;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !program.isAlive()) {
                    throw new AssertionError("The terminal never showed \"" + text + "\". It shows:\n"
                            + shown.substring(mark));
                }
                try {
                    screen.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private String all() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits for the program to end (after q or the end of input). */
    void awaitEnd() throws InterruptedException {
        program.join(HANG.toMillis());
        if (program.isAlive()) {
            throw new AssertionError("The notebook did not end. The terminal shows:\n" + all().substring(mark));
        }
    }

    @Override
    public void close() throws IOException {
        terminal.close();
        keys.close();
    }
}
