package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task statements of a lab, which its requirement map must cover: the sentences with a requirement keyword
 * ("must", "only", "order", …) in the comment lines of its starter files and in its README's exercise sections and
 * "Common mistakes" section (code fences skipped). Lines of one statement are joined with one space (leading
 * comment markers and indentation removed) and runs of whitespace collapsed, which is also how a quote is compared.
 */
final class TaskStatements {

    /** One statement: the lab file (from the course root), the line it starts on and its normalised text. */
    record Statement(String source, int line, String text) {
    }

    private static final Pattern KEYWORD = Pattern.compile("(?i)\\b(must|never|only|always|do\\s+not|don['’]t|exactly"
            + "|at\\s+most|at\\s+least|order|ordered|sorted|descending|ascending)\\b");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*)$");
    private static final Pattern SECTION = Pattern.compile("[Ee]xercise|(?i:common mistakes)");
    private static final List<String> OPENERS = List.of("/**", "/*", "<!--");
    private static final List<String> LINE_MARKERS = List.of("--", "//", "#");
    private static final Pattern RULER = Pattern.compile("\\s*[|+]?\\s*[-=]{3,}([\\s|+]+[-=]{3,})+[\\s|+]*");

    private TaskStatements() {
    }

    static List<Statement> of(Course course, Lab lab) {
        List<Statement> statements = new ArrayList<>();
        for (Map.Entry<String, Path> file : CourseFiles.files(course.labsDir().resolve(lab.folder())).entrySet()) {
            String source = "labs/" + lab.folder() + "/" + file.getKey();
            List<String> lines = CourseFiles.lines(file.getValue());
            List<Paragraph> paragraphs = file.getKey().equals("README.md") ? readme(lines) : comments(lines);
            for (Paragraph paragraph : paragraphs) {
                paragraph.sentences(source).stream().filter(s -> KEYWORD.matcher(s.text()).find())
                        .forEach(statements::add);
            }
        }
        return statements;
    }

    /** Whitespace runs collapsed to one space, ends stripped: how statements and quotes are compared. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /**
     * The line (from 1) where a quote starts in a file's lines, or 0 when the file does not hold it: the lines are
     * joined with one space, as they are (indentation removed) or with their leading comment marker removed.
     */
    static int find(List<String> lines, String quote) {
        String wanted = normalise(quote);
        if (wanted.isEmpty()) {
            return 0;
        }
        Paragraph asWritten = new Paragraph();
        Paragraph unmarked = new Paragraph();
        for (int i = 0; i < lines.size(); i++) {
            asWritten.add(i + 1, lines.get(i));
            unmarked.add(i + 1, withoutMarker(lines.get(i).strip()));
        }
        int line = asWritten.lineOf(wanted);
        return line > 0 ? line : unmarked.lineOf(wanted);
    }

    /**
     * The comment lines of a starter, as paragraphs: a blank comment line or a line of code ends one. In a text table
     * (a header line above a ruler of dashes) the header and the ruler are left out, and each row is a paragraph of
     * its own: a row starts at the ruler's first column, its continuation lines are indented further. Read as prose,
     * a table would be one "sentence" from its header to its last row, holding every rule of every column.
     */
    private static List<Paragraph> comments(List<String> lines) {
        List<String> contents = commentContents(lines);
        List<Paragraph> paragraphs = new ArrayList<>();
        Paragraph current = new Paragraph();
        int tableIndent = -1;  // the column the rows of the table being read start at, -1 outside a table
        for (int i = 0; i < contents.size(); i++) {
            String content = contents.get(i);
            boolean blank = content == null || content.isBlank();
            if (blank) {
                tableIndent = -1;
            } else if (isRuler(content)) {
                tableIndent = indent(content);
                current = next(paragraphs, current);
                continue;
            } else if (i + 1 < contents.size() && contents.get(i + 1) != null && isRuler(contents.get(i + 1))) {
                current = next(paragraphs, current);  // the table's header
                continue;
            } else if (tableIndent >= 0 && indent(content) <= tableIndent) {
                current = next(paragraphs, current);  // a new row
            }
            if (blank) {
                current = next(paragraphs, current);
            } else {
                current.add(i + 1, content);
            }
        }
        next(paragraphs, current);
        return paragraphs;
    }

    /** Each line's comment text without its marker (indentation kept), or null for a line of code. */
    private static List<String> commentContents(List<String> lines) {
        List<String> contents = new ArrayList<>();
        String closer = null;  // the end of the block comment the line is in, or null
        for (String raw : lines) {
            String line = raw.strip();
            String content = null;
            if (closer != null) {
                content = line.startsWith("*") && !line.startsWith("*/") ? line.substring(1) : line;
            } else if (LINE_MARKERS.stream().anyMatch(line::startsWith)) {
                content = withoutMarker(line);
            } else {
                for (String opener : OPENERS) {
                    if (line.startsWith(opener)) {
                        closer = opener.equals("<!--") ? "-->" : "*/";
                        content = line.substring(opener.length());
                        break;
                    }
                }
            }
            if (closer != null && content != null && content.contains(closer)) {
                content = content.substring(0, content.indexOf(closer));
                closer = null;
            }
            contents.add(content);
        }
        return contents;
    }

    /**
     * A table's ruler: two or more runs of at least three dashes (or '='), one per column, with spaces, '|' or '+'
     * between them. A single run is a separator line, not a table.
     */
    private static boolean isRuler(String content) {
        return RULER.matcher(content).matches();
    }

    private static int indent(String content) {
        int n = 0;
        while (n < content.length() && content.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** The README's exercise and "Common mistakes" sections as paragraphs, without headings and code fences. */
    private static List<Paragraph> readme(List<String> lines) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Paragraph current = new Paragraph();
        boolean fenced = false;
        int section = 0;  // the heading level of the section being read, 0 outside one
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher heading = HEADING.matcher(lines.get(i));
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced && heading.matches()) {
                int level = heading.group(1).length();
                if (section > 0 && level <= section) {
                    section = 0;
                }
                if (section == 0 && SECTION.matcher(heading.group(2)).find()) {
                    section = level;
                }
            } else if (!fenced && section > 0 && !line.isEmpty() && !line.startsWith("<!--")) {
                current.add(i + 1, line);
                continue;
            }
            current = next(paragraphs, current);
        }
        next(paragraphs, current);
        return paragraphs;
    }

    private static Paragraph next(List<Paragraph> paragraphs, Paragraph current) {
        if (current.isEmpty()) {
            return current;
        }
        paragraphs.add(current);
        return new Paragraph();
    }

    private static String withoutMarker(String line) {
        for (String marker : List.of("/**", "/*", "<!--", "--", "//", "*", "#")) {
            if (line.startsWith(marker)) {
                return line.substring(marker.length());
            }
        }
        return line;
    }

    /** Lines joined with one space (each normalised), remembering the offset where each line starts. */
    private static final class Paragraph {
        private final StringBuilder text = new StringBuilder();
        private final List<int[]> starts = new ArrayList<>();  // {offset in text, line number}

        void add(int line, String content) {
            String part = normalise(content);
            if (part.isEmpty()) {
                return;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            starts.add(new int[] {text.length(), line});
            text.append(part);
        }

        boolean isEmpty() {
            return text.isEmpty();
        }

        int lineAt(int offset) {
            int line = 0;
            for (int[] start : starts) {
                if (start[0] <= offset) {
                    line = start[1];
                }
            }
            return line;
        }

        int lineOf(String wanted) {
            int at = text.indexOf(wanted);
            return at < 0 ? 0 : lineAt(at);
        }

        /** Sentences end at '.', '!' or '?' followed by a space or the end of the paragraph. */
        List<Statement> sentences(String source) {
            List<Statement> sentences = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean end = i + 1 == text.length()
                        || (c == '.' || c == '!' || c == '?') && text.charAt(i + 1) == ' ';
                if (end) {
                    String sentence = text.substring(start, i + 1).strip();
                    if (!sentence.isEmpty()) {
                        sentences.add(new Statement(source, lineAt(start + (text.charAt(start) == ' ' ? 1 : 0)), sentence));
                    }
                    start = i + 1;
                }
            }
            return sentences;
        }
    }
}
