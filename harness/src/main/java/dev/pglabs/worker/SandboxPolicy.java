package dev.pglabs.worker;

import java.util.Locale;
import java.util.Optional;

/**
 * When student Java may run without the OS sandbox. A student grading their own work may ({@link #PREFER}: the
 * sandbox where there is one, else a plain worker process and a line that says so); grading others' work may
 * not ({@link #REQUIRE}) unless the instructor accepts it ({@link #ALLOW_UNSANDBOXED}, {@code --unsafe-no-sandbox}).
 */
public enum SandboxPolicy {
    PREFER, REQUIRE, ALLOW_UNSANDBOXED;

    /** System property (or JUnit configuration parameter): {@code auto}, {@code bubblewrap} or {@code process}. */
    public static final String PROPERTY = "pglabs.sandbox";

    /**
     * The isolation to use, or empty when the policy forbids grading Java here. {@code pglabs.sandbox=process}
     * forces a plain worker (for tests of that path and for machines where the sandbox misbehaves).
     */
    public Optional<Isolation> choose(Optional<String> forced) {
        String mode = forced.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("auto");
        if (mode.equals("process")) {
            return this == REQUIRE ? Optional.empty() : Optional.of(Isolation.PROCESS);
        }
        if (Bubblewrap.available()) {
            return Optional.of(Isolation.BUBBLEWRAP);
        }
        return this == REQUIRE ? Optional.empty() : Optional.of(Isolation.PROCESS);
    }

    /** Why {@link #choose} gave a plain process: turned off by {@link #PROPERTY}, or not available (one-line notices). */
    public static String whyNotUsed(Optional<String> forced) {
        if (forced.map(s -> s.trim().equalsIgnoreCase("process")).orElse(false)) {
            return "turned off with " + PROPERTY + "=process";
        }
        return Bubblewrap.whyUnavailable();
    }

    /** Why {@link #choose} came back empty, in words an instructor can act on. */
    public static String refusal(Optional<String> forced) {
        String why = forced.map(s -> s.trim().equalsIgnoreCase("process")).orElse(false)
                ? "this run turns it off (" + PROPERTY + "=process): drop that setting"
                : "it is not available here: " + Bubblewrap.whyUnavailable() + ". Install it (Debian/Ubuntu: sudo "
                        + "apt-get install bubblewrap)";
        return "Grading Java labs of other people's work needs the OS sandbox (bubblewrap), and " + why
                + ", or pass --unsafe-no-sandbox to grade in a plain worker process (student code can then read this "
                + "machine's files and reach its network).";
    }
}
