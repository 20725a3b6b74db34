package dev.pglabs.notebook;

/**
 * The output recorded under a cell by {@code pglabs notebook --run}:
 * <pre>
 * &lt;!-- pglabs:output --&gt;
 * ```text
 * …
 * ```
 * &lt;!-- /pglabs:output --&gt;
 * </pre>
 * HTML comments are invisible on GitHub, so the reader sees an ordinary text block under the code.
 *
 * @param text  the content between the inner fences, with {@code \n} line breaks and no final line break
 * @param line  README line of the opening marker
 * @param start offset of the opening marker line
 * @param end   offset just after the closing marker line (its line break included)
 */
public record RecordedOutput(String text, int line, int start, int end) {

    public static final String OPEN = "<!-- pglabs:output -->";
    public static final String CLOSE = "<!-- /pglabs:output -->";
}
