package dev.pglabs.grading;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemsTest {

    @Test
    void noProblemNoFailure() {
        assertThatCode(() -> new Problems().addIf(false, "never shown").failIfAny("Heading")).doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsListedUnderTheHeading() {
        Problems problems = new Problems().add("users has no PRIMARY KEY.").addIf(true, "posts.user_id may be NULL.");

        assertThatThrownBy(() -> problems.failIfAny("The keys of your schema are not complete yet:"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("The keys of your schema are not complete yet:\n"
                        + "  - users has no PRIMARY KEY.\n  - posts.user_id may be NULL.");
    }

    @Test
    void aLongListEndsWithACount() {
        Problems problems = new Problems();
        for (int i = 1; i <= Problems.SHOWN + 3; i++) {
            problems.add("problem " + i);
        }

        assertThat(problems.bullets()).startsWith("  - problem 1\n").endsWith("  - problem " + Problems.SHOWN
                + "\n  … and 3 more.");
        assertThat(problems.size()).isEqualTo(Problems.SHOWN + 3);
    }
}
