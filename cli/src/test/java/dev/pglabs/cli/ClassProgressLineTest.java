package dev.pglabs.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The time-left estimate of grade-class's progress line, on made-up times (no clock involved). */
class ClassProgressLineTest {

    @Test
    @DisplayName("the time left is the pace after the first student (who paid for the templates) times the students left")
    void estimateLeavesOutTheFirstStudent() {
        assertThat(ClassProgressLine.estimateLeft(0, 1, 30)).as("one student says nothing about the pace").isEmpty();
        // The first student took 60 s (templates, compilation); the next 4 took 10 s each: 25 left take 250 s.
        assertThat(ClassProgressLine.estimateLeft(40_000, 5, 30)).isEqualTo(OptionalLong.of(250_000));
        assertThat(ClassProgressLine.estimateLeft(40_000, 30, 30)).isEqualTo(OptionalLong.of(0));
        assertThat(ClassProgressLine.estimateLeft(0, 1, 1)).isEqualTo(OptionalLong.of(0));
    }

    @Test
    @DisplayName("the clock reads minutes and seconds, hours past the hour")
    void clock() {
        assertThat(ClassProgressLine.clock(250_000)).isEqualTo("4:10");
        assertThat(ClassProgressLine.clock(3_725_000)).isEqualTo("1:02:05");
    }
}
