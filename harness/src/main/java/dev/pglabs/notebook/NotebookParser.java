package dev.pglabs.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown file into prose and cells. A cell is a fenced block ({@code ```} or {@code ~~~}) whose info
 * string starts with {@code sql} or {@code java}; any other fence ({@code ```text}, {@code ```sh}) is prose.
 * A recorded output block directly after a cell (only blank lines between) belongs to it.
 */
public final class NotebookParser {

    private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})(.*)$");

    private NotebookParser() {
    }

    public static Notebook read(Path file, String displayName) {
        try {
            return parse(file, displayName, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the notebook " + file + ": " + e.getMessage(), e);
        }
    }

    public static Notebook parse(Path file, String displayName, String text) {
        List<Line> lines = lines(text);
        List<Cell> cells = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i).content());
            if (!open.matches() || (open.group(2).charAt(0) == '`' && open.group(3).contains("`"))) {
                i++;
                continue;
            }
            int indent = open.group(1).length();
            String fence = open.group(2);
            int close = closingFence(lines, i + 1, fence);
            String[] info = open.group(3).strip().toLowerCase(Locale.ROOT).split("\\s+");
            Optional<Cell.Language> language = switch (info[0]) {
                case "sql" -> Optional.of(Cell.Language.SQL);
                case "java" -> Optional.of(Cell.Language.JAVA);
                default -> Optional.empty();
            };
            int after = Math.min(close + 1, lines.size());
            if (language.isEmpty()) {
                i = after;
                continue;
            }
            StringBuilder source = new StringBuilder();
            for (int k = i + 1; k < close && k < lines.size(); k++) {
                source.append(unindent(lines.get(k).content(), indent)).append('\n');
            }
            Set<String> markers = new LinkedHashSet<>(List.of(info).subList(1, info.length));
            int end = after < lines.size() ? lines.get(after).start() : text.length();
            Optional<RecordedOutput> output = output(lines, after);
            cells.add(new Cell(cells.size() + 1, language.get(), markers, source.toString(), i + 1, i + 2,
                    lines.get(i).start(), end, output));
            i = output.map(o -> lineIndexAt(lines, o.end())).orElse(after);
        }
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        return new Notebook(file, displayName, text, cells, separator);
    }

    /** The recorded output block starting at or after line {@code from} (blank lines skipped), if well-formed. */
    private static Optional<RecordedOutput> output(List<Line> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).content().isBlank()) {
            i++;
        }
        if (i + 2 >= lines.size() || !lines.get(i).content().strip().equals(RecordedOutput.OPEN)) {
            return Optional.empty();
        }
        Matcher open = FENCE.matcher(lines.get(i + 1).content());
        if (!open.matches()) {
            return Optional.empty();
        }
        int close = closingFence(lines, i + 2, open.group(2));
        if (close + 1 >= lines.size() || !lines.get(close + 1).content().strip().equals(RecordedOutput.CLOSE)) {
            return Optional.empty();
        }
        List<String> content = new ArrayList<>();
        for (int k = i + 2; k < close; k++) {
            content.add(unindent(lines.get(k).content(), open.group(1).length()));
        }
        Line last = lines.get(close + 1);
        return Optional.of(new RecordedOutput(String.join("\n", content), i + 1, lines.get(i).start(),
                last.start() + last.length()));
    }

    /** The index of the line closing a fence opened with {@code fence}, or the line count if it never closes. */
    private static int closingFence(List<Line> lines, int from, String fence) {
        for (int k = from; k < lines.size(); k++) {
            Matcher m = FENCE.matcher(lines.get(k).content());
            if (m.matches() && m.group(2).charAt(0) == fence.charAt(0) && m.group(2).length() >= fence.length()
                    && m.group(3).isBlank()) {
                return k;
            }
        }
        return lines.size();
    }

    private static int lineIndexAt(List<Line> lines, int offset) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).start() >= offset) {
                return k;
            }
        }
        return lines.size();
    }

    private static String unindent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }

    /** One line: its start offset, its text without the line break, and its full length with the break. */
    record Line(int start, String content, int length) {
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int next = nl < 0 ? text.length() : nl + 1;
            int contentEnd = nl < 0 ? text.length() : (nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl);
            lines.add(new Line(start, text.substring(start, contentEnd), next - start));
            start = next;
        }
        return lines;
    }
}
