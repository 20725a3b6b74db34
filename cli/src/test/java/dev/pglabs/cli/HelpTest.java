package dev.pglabs.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Help and mistakes on the command line, as a beginner meets them. */
class HelpTest {

    @Test
    @DisplayName("pglabs --help lists the student's commands, and the instructors' in one line at the end")
    void studentsCommandsFirst() {
        PglabsRun run = PglabsRun.of("--help");
        assertThat(run.exit()).isZero();
        String commands = run.out().substring(run.out().indexOf("Commands:"), run.out().indexOf("For instructors"));
        assertThat(commands).contains("list", "grade ", "watch", "hint", "db", "notebook", "jshell")
                .doesNotContain("grade-class", "release", "bench", "verify", "gradescope");
        assertThat(run.out()).contains("For instructors and course authors: grade-class, merge-grades");
    }

    @Test
    @DisplayName("--help and -h work on every command (exit 0), even one with required parameters")
    void helpOnEveryCommand() {
        for (String command : new String[]{"grade", "hint", "watch", "list", "db", "notebook", "jshell",
                "grade-class", "merge-grades", "grade-diff", "release", "verify", "gradescope-autograder", "bench", "bench-class", "new-lab",
                "dev"}) {
            for (String flag : new String[]{"--help", "-h"}) {
                PglabsRun run = PglabsRun.of(command, flag);
                assertThat(run.exit()).as(command + " " + flag + ": " + run.err()).isZero();
                assertThat(run.out()).as(command + " " + flag).contains("Usage: pglabs " + command);
            }
        }
    }

    @Test
    @DisplayName("a mistake prints what is wrong and where help is, in two lines, not the whole usage (exit 2)")
    void mistakesInTwoLines() {
        PglabsRun lab = PglabsRun.of("grade", "99");
        assertThat(lab.exit()).isEqualTo(2);
        assertThat(lab.err().strip().lines()).containsExactly(lab.err().strip().lines().findFirst().orElseThrow(),
                "See 'pglabs grade --help'.");
        assertThat(lab.err()).contains("There is no lab '99'").doesNotContain("Usage:");

        PglabsRun command = PglabsRun.of("frobnicate");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err().strip()).isEqualTo("pglabs: there is no command 'frobnicate'.\nSee 'pglabs --help'.");

        PglabsRun option = PglabsRun.of("grade", "--frobnicate");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("--frobnicate", "See 'pglabs grade --help'.").doesNotContain("Usage:");
    }
}
