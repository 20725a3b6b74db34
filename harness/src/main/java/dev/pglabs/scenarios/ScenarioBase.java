package dev.pglabs.scenarios;

import dev.pglabs.results.CheckStatus;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a scenario's files are laid over, and the result a check gets when the scenario does not list it: every
 * check passes on the reference solution and on the self-test grader's correct Java; none passes on the starter.
 */
public enum ScenarioBase {
    /** {@code solutions/<lab>}: unlisted checks pass. */
    SOLUTIONS("solutions", EnumSet.of(CheckStatus.PASSED)),
    /** The starter {@code labs/<lab>}: unlisted checks do not pass (failed, error or timeout). */
    STARTER("starter", EnumSet.complementOf(EnumSet.of(CheckStatus.PASSED))),
    /** The self-test grader's correct student Java (hostile Java cases): unlisted checks pass. */
    JAVA("java", EnumSet.of(CheckStatus.PASSED));

    private final String key;
    private final Set<CheckStatus> unlisted;

    ScenarioBase(String key, Set<CheckStatus> unlisted) {
        this.key = key;
        this.unlisted = Set.copyOf(unlisted);
    }

    /** How expected.json names it ({@code "base": "solutions"}). */
    public String key() {
        return key;
    }

    /** The statuses a check the scenario does not list may get. */
    public Set<CheckStatus> unlistedStatuses() {
        return unlisted;
    }

    /** Whether every check passes on this base (then a listed check must not list {@code passed}). */
    public boolean passes() {
        return unlisted.equals(Set.of(CheckStatus.PASSED));
    }

    /** The base's folder of the lab in the course at {@code home}. */
    public Path labFolder(Path home, String lab) {
        return switch (this) {
            case SOLUTIONS -> home.resolve("solutions").resolve(lab);
            case STARTER -> home.resolve("labs").resolve(lab);
            case JAVA -> home.resolve("graders/src/test/resources/java-submissions/correct").resolve(lab);
        };
    }

    public static ScenarioBase of(String key) {
        for (ScenarioBase base : values()) {
            if (base.key.equals(key.toLowerCase(Locale.ROOT))) {
                return base;
            }
        }
        throw new IllegalArgumentException("base is solutions, starter or java, not '" + key + "'");
    }
}
