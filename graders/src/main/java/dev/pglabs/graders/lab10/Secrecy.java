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

    /** The lines of {@code printed} that hold one of the secrets, masked (at most five, each cut to 160 characters). */
    static List<String> linesWith(String printed, Collection<String> secrets) {
        return printed.lines().filter(line -> contains(line, secrets)).map(line -> scrub(line, secrets))
                .map(line -> line.length() > 160 ? line.substring(0, 160) + "…" : line).limit(5).toList();
    }
}
