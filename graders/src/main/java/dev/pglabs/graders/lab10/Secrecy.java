package dev.pglabs.graders.lab10;

import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.results.CheckFailure;
import org.opentest4j.AssertionFailedError;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the passwords of a check out of everything the grader shows: failure messages are scrubbed, and what
 * the student's code prints while it runs is recorded ({@link Tap}) so a check can tell a password in a log
 * line from an honest one.
 */
final class Secrecy {

    static final String MASK = "****";

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private Secrecy() {
    }

    /** Runs {@code body}; if it fails, the failure's message no longer holds any of {@code secrets}. */
    static void guard(Collection<String> secrets, Body body) throws Exception {
        try {
            body.run();
        } catch (AssertionFailedError e) {
            throw contains(e.getMessage(), secrets) ? new AssertionFailedError(scrub(e.getMessage(), secrets)) : e;
        } catch (CheckFailure e) {
            throw contains(e.getMessage(), secrets) ? new CheckFailure(e.status(), scrub(e.getMessage(), secrets)) : e;
        } catch (ProvisioningException e) {
            throw contains(e.getMessage(), secrets) ? new ProvisioningException(scrub(e.getMessage(), secrets), null) : e;
        }
    }

    static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    static boolean contains(String text, Collection<String> secrets) {
        return text != null && secrets.stream().anyMatch(s -> s != null && s.length() >= 4 && text.contains(s));
    }

    /**
     * Records what is printed to System.out and System.err while open, and still prints it. Student code runs on
     * threads of its own ({@link dev.pglabs.javasub.JavaCalls}), so one tee is installed for the whole JVM (once,
     * and left in place) and copies every byte to each open tap. Submissions graded side by side see each other's
     * output here, so look only for secrets of your own check.
     */
    static final class Tap implements AutoCloseable {
        private static final Set<Tap> OPEN = ConcurrentHashMap.newKeySet();
        private static boolean installed;

        private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

        Tap() {
            install();
            OPEN.add(this);
        }

        private static synchronized void install() {
            if (!installed) {
                System.setOut(tee(System.out));
                System.setErr(tee(System.err));
                installed = true;
            }
        }

        private static PrintStream tee(PrintStream original) {
            return new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    for (Tap tap : OPEN) {
                        tap.record(b, off, len);
                    }
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true, StandardCharsets.UTF_8);
        }

        private void record(byte[] b, int off, int len) {
            synchronized (recorded) {
                if (recorded.size() < 1_000_000) {
                    recorded.write(b, off, len);
                }
            }
        }

        /** The printed lines that hold one of the secrets, masked. */
        List<String> linesWith(Collection<String> secrets) {
            System.out.flush();
            System.err.flush();
            String text;
            synchronized (recorded) {
                text = recorded.toString(StandardCharsets.UTF_8);
            }
            return text.lines().filter(line -> contains(line, secrets)).map(line -> scrub(line, secrets))
                    .map(line -> line.length() > 160 ? line.substring(0, 160) + "…" : line).limit(5).toList();
        }

        @Override
        public void close() {
            OPEN.remove(this);
        }
    }
}
