package dev.pglabs.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The hint command gives one more hint per call, then says it was the last. */
class HintCommandTest {

    private static String pglabs(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.commandLine().execute(args)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    @DisplayName("each call shows one hint more, up to the last")
    void stepByStep() {
        pglabs("hint", "01", "05", "--reset");
        String second = pglabs("hint", "01", "05");
        assertThat(second).contains("1/2", "2/2", "That was the last hint");
        String first = pglabs("hint", "01", "05-users-without-city", "--reset");
        assertThat(first).contains("1/2").doesNotContain("2/2").contains("Run the same command again");
    }
}
