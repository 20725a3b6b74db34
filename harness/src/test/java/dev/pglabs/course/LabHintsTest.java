package dev.pglabs.course;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabHintsTest {

    private static final String README = """
            # Lab
            ## 3. Something
            ### not a hint
            ## Hints
            Intro text.

            ### 01-all-tags.sql
            <details><summary>Nudge</summary>

            Which table?
            </details>
            <details><summary>More specific</summary>

            `*` selects every column.
            </details>

            ### `02-users.sql`
            - Look at the city column.
            - Compare with 'Lisbon'
              in single quotes.

            ### 03-latest.sql
            First paragraph.

            Second paragraph.
            ## After the hints
            ### 04-not-a-hint.sql
            """;

    @Test
    @DisplayName("reads each exercise's hints in order from the README's Hints section")
    void details() {
        LabHints hints = LabHints.parse(README);
        assertThat(hints.exercises()).containsExactly("01-all-tags.sql", "02-users.sql", "03-latest.sql");
        assertThat(hints.forExercise("01-all-tags").orElseThrow().getValue())
                .containsExactly(new LabHints.Hint("Nudge", "Which table?"),
                        new LabHints.Hint("More specific", "`*` selects every column."));
    }

    @Test
    @DisplayName("plain list items and paragraphs become hint levels too")
    void plainMarkdown() {
        LabHints hints = LabHints.parse(README);
        assertThat(hints.forExercise("02").orElseThrow().getValue()).extracting(LabHints.Hint::text)
                .containsExactly("Look at the city column.", "Compare with 'Lisbon' in single quotes.");
        assertThat(hints.forExercise("03-latest.sql").orElseThrow().getValue()).extracting(LabHints.Hint::text)
                .containsExactly("First paragraph.", "Second paragraph.");
    }

    @Test
    @DisplayName("a check id finds its exercise, hidden variants included; unknown ones find nothing")
    void lookup() {
        LabHints hints = LabHints.parse(README);
        assertThat(hints.forExercise("01-all-tags:hidden")).isPresent();
        assertThat(hints.forExercise("99-nothing")).isEmpty();
        assertThat(LabHints.parse("# no hints here").exercises()).isEmpty();
    }
}
