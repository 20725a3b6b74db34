package dev.pglabs.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with a terminal style (an SGR code such as "1" or "1;4", or "" for none) on every character, wrapped at
 * word boundaries before the styles are turned into escape codes, so an escape never counts towards the width.
 */
final class StyledText {

    private final StringBuilder text = new StringBuilder();
    private final List<String> styles = new ArrayList<>();

    StyledText append(String s, String style) {
        for (int i = 0; i < s.length(); i++) {
            text.append(s.charAt(i));
            styles.add(style);
        }
        return this;
    }

    StyledText append(StyledText other) {
        text.append(other.text);
        styles.addAll(other.styles);
        return this;
    }

    boolean isBlank() {
        return text.toString().isBlank();
    }

    String plain() {
        return text.toString();
    }

    /** Visible columns (one per code point; the READMEs use no double-width characters). */
    int width() {
        return text.codePointCount(0, text.length());
    }

    private StyledText slice(int from, int to) {
        StyledText part = new StyledText();
        part.text.append(text, from, to);
        part.styles.addAll(styles.subList(from, to));
        return part;
    }

    /**
     * Lines of at most {@code width} columns, broken at spaces (a word longer than a line is cut); a newline in
     * the text is a hard break. Runs of spaces between words become one.
     */
    List<StyledText> wrap(int width) {
        List<StyledText> lines = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf("\n"); ; nl = text.indexOf("\n", start)) {
            int end = nl < 0 ? text.length() : nl;
            wrapLine(start, end, Math.max(1, width), lines);
            if (nl < 0) {
                return lines;
            }
            start = nl + 1;
        }
    }

    private void wrapLine(int from, int to, int width, List<StyledText> lines) {
        StyledText line = new StyledText();
        int i = from;
        while (i < to) {
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            int wordEnd = i;
            while (wordEnd < to && text.charAt(wordEnd) != ' ') {
                wordEnd++;
            }
            if (i == wordEnd) {
                break;
            }
            StyledText word = slice(i, wordEnd);
            int gap = line.text.length() == 0 ? 0 : 1;
            if (line.width() + gap + word.width() > width && line.text.length() > 0) {
                lines.add(line);
                line = new StyledText();
                gap = 0;
            }
            while (word.width() > width) {
                int cut = word.text.offsetByCodePoints(0, width);
                lines.add(word.slice(0, cut));
                word = word.slice(cut, word.text.length());
            }
            if (gap == 1) {
                // The space takes the style of the text around it only when both sides share one (links, code).
                String left = line.styles.get(line.styles.size() - 1);
                line.append(" ", left.equals(word.styles.isEmpty() ? "" : word.styles.get(0)) ? left : "");
            }
            line.append(word);
            i = wordEnd;
        }
        lines.add(line);
    }

    /** The text with escape codes when {@code ansi}, else exactly the plain characters. */
    String render(boolean ansi) {
        if (!ansi) {
            return plain();
        }
        StringBuilder sb = new StringBuilder();
        String current = "";
        for (int i = 0; i < text.length(); i++) {
            String style = styles.get(i);
            if (!style.equals(current)) {
                if (!current.isEmpty()) {
                    sb.append("\u001b[0m");
                }
                if (!style.isEmpty()) {
                    sb.append("\u001b[").append(style).append('m');
                }
                current = style;
            }
            sb.append(text.charAt(i));
        }
        if (!current.isEmpty()) {
            sb.append("\u001b[0m");
        }
        return sb.toString();
    }
}
