package dev.pglabs.worker;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Grading others' Java without the sandbox is refused with the reason that applies. */
class SandboxPolicyTest {

    @Test
    void aRunThatTurnsTheSandboxOffIsToldSoNotThatItIsMissing() {
        Optional<String> forced = Optional.of("process");

        assertThat(SandboxPolicy.REQUIRE.choose(forced)).isEmpty();
        assertThat(SandboxPolicy.refusal(forced)).contains("pglabs.sandbox=process", "drop that setting",
                "--unsafe-no-sandbox").doesNotContain("not available");
    }
}
