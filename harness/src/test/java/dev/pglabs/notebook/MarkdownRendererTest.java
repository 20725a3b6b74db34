package dev.pglabs.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    static final String MARKDOWN = """
            # Lab 99: a **title**

            Some *emphasis*, some **strong** text and `inline code` in a paragraph that is long enough to be
            wrapped at word boundaries, with a [link](https://example.org/x) and a [section](#part).

            <!-- pglabs:output -->

            ## Part two

            - first item
            - second item with `code`

            1. one
            2. two

            > a quote

            | table | one row is... |
            |---|---|
            | users | a registered account with a long description that has to wrap |
            | tags | a label |

            ```sql
            SELECT 1;
            ```
            """;

    @Test
    @DisplayName("plain text: no Markdown marks, no escape codes, tables boxed, wrapped to the width")
    void plain() {
        List<String> sections = new MarkdownRenderer(50, false).sections(MARKDOWN);
        assertThat(sections).hasSize(2);
        String text = String.join("\n", sections);
        assertThat(text).doesNotContain("**", "`", "|---", "<!--", "\u001b", "](");
        assertThat(text).contains("Lab 99: a title\n═══", "Some emphasis, some strong text and inline code",
                "(https://example.org/x) and a section.", "• first item", "1. one", "│ a quote", "    SELECT 1;",
                "┌───────┬", "│ users │ a registered");
        assertThat(sections.get(1)).startsWith("Part two\n────────");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
        // Wrapped at spaces: no word is split across lines.
        assertThat(text).contains("to be wrapped at\nword boundaries", "│       │ description that has to wrap");
    }

    @Test
    @DisplayName("terminal: styles as escape codes that do not count towards the width")
    void ansi() {
        String text = new MarkdownRenderer(50, true).render(MARKDOWN);
        assertThat(text).contains("\u001b[1;4mLab 99: a", "\u001b[1;4;1mtitle", "\u001b[36minline code",
                "\u001b[3memphasis").doesNotContain("**", "═══");
        assertThat(text.lines().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(50));
    }
}
