package dev.pglabs.notebook;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The README's prose as a terminal shows it: headings, emphasis, inline code, code blocks, lists, block quotes,
 * tables drawn with box lines and links with their target, wrapped at word boundaries to the width. Parsed by
 * commonmark-java (with GFM tables); with {@code ansi} off the result is plain text without a single escape code.
 * Each heading starts a new section, so the interactive mode can show the prose a section at a time.
 */
public final class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String CODE = "36";
    private static final String DIM = "2";

    private final int width;
    private final boolean ansi;

    /**
     * @param width columns to wrap at (at least 20 are used)
     * @param ansi  styles as escape codes (a terminal without NO_COLOR), else plain text
     */
    public MarkdownRenderer(int width, boolean ansi) {
        this.width = Math.max(20, width);
        this.ansi = ansi;
    }

    /** The rendered sections of {@code markdown}, each starting at a heading (the first may not); none if empty. */
    public List<String> sections(String markdown) {
        List<List<String>> sections = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            List<String> lines = block(block, width);
            if (lines.isEmpty()) {
                continue;
            }
            if (block instanceof Heading && !current.isEmpty()) {
                sections.add(current);
                current = new ArrayList<>();
            }
            if (!current.isEmpty()) {
                current.add("");
            }
            current.addAll(lines);
        }
        if (!current.isEmpty()) {
            sections.add(current);
        }
        return sections.stream().map(lines -> String.join("\n", lines)).toList();
    }

    /** The whole of {@code markdown} rendered, sections separated by a blank line. */
    public String render(String markdown) {
        return String.join("\n\n", sections(markdown));
    }

    /** One block's lines at {@code cols} columns; empty for what a reader need not see (HTML comments). */
    private List<String> block(Node node, int cols) {
        List<String> out = new ArrayList<>();
        if (node instanceof Heading heading) {
            StyledText text = inline(heading, heading.getLevel() <= 2 ? "1;4" : "1");
            wrapped(text, cols, out);
            if (!ansi && heading.getLevel() <= 2) {
                out.add((heading.getLevel() == 1 ? "═" : "─").repeat(Math.min(cols, text.width())));
            }
        } else if (node instanceof Paragraph) {
            wrapped(inline(node, ""), cols, out);
        } else if (node instanceof FencedCodeBlock fenced) {
            code(fenced.getLiteral(), out);
        } else if (node instanceof IndentedCodeBlock indented) {
            code(indented.getLiteral(), out);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            list(node, cols, out);
        } else if (node instanceof BlockQuote) {
            for (String line : children(node, cols - 2)) {
                out.add(paint(DIM, "│ ") + line);
            }
        } else if (node instanceof ThematicBreak) {
            out.add(paint(DIM, "─".repeat(cols)));
        } else if (node instanceof TableBlock) {
            out.addAll(new TableLayout(node, cols).lines());
        } else if (node instanceof HtmlBlock html) {
            String literal = html.getLiteral().strip();
            if (!literal.startsWith("<!--")) {
                literal.lines().forEach(out::add);
            }
        } else {
            out.addAll(children(node, cols));
        }
        return out;
    }

    /** A container's child blocks, a blank line between them. */
    private List<String> children(Node parent, int cols) {
        List<String> out = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            List<String> lines = block(child, cols);
            if (lines.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.addAll(lines);
        }
        return out;
    }

    private void list(Node list, int cols, List<String> out) {
        int number = list instanceof OrderedList ordered ? ordered.getStartNumber() : 0;
        boolean tight = list instanceof BulletList b ? b.isTight() : ((OrderedList) list).isTight();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList ? (number++) + ". " : "• ";
            List<String> body = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                List<String> lines = block(child, cols - marker.length());
                if (!lines.isEmpty() && !body.isEmpty() && !tight) {
                    body.add("");
                }
                body.addAll(lines);
            }
            if (!tight && !out.isEmpty()) {
                out.add("");
            }
            for (int i = 0; i < body.size(); i++) {
                String prefix = i == 0 ? paint(DIM, marker) : " ".repeat(marker.length());
                out.add(body.get(i).isEmpty() ? "" : prefix + body.get(i));
            }
            if (item instanceof ListItem && body.isEmpty()) {
                out.add(paint(DIM, marker.stripTrailing()));
            }
        }
    }

    private void code(String literal, List<String> out) {
        // Code is not wrapped: a broken line of SQL reads as two statements.
        literal.lines().forEach(line -> out.add("    " + paint(CODE, line)));
    }

    private void wrapped(StyledText text, int cols, List<String> out) {
        for (StyledText line : text.wrap(cols)) {
            out.add(line.render(ansi));
        }
    }

    String paint(String style, String text) {
        return new StyledText().append(text, style).render(ansi);
    }

    /** The inline content of a block as styled text; soft breaks become spaces, hard breaks newlines. */
    StyledText inline(Node parent, String style) {
        StyledText text = new StyledText();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, style, text);
        }
        return text;
    }

    private void inline(Node node, String style, StyledText text) {
        if (node instanceof Text t) {
            text.append(t.getLiteral(), style);
        } else if (node instanceof Code code) {
            text.append(code.getLiteral(), join(style, CODE));
        } else if (node instanceof Emphasis) {
            text.append(inline(node, join(style, "3")));
        } else if (node instanceof StrongEmphasis) {
            text.append(inline(node, join(style, "1")));
        } else if (node instanceof SoftLineBreak) {
            text.append(" ", style);
        } else if (node instanceof HardLineBreak) {
            text.append("\n", style);
        } else if (node instanceof Link link) {
            StyledText label = inline(node, join(style, "4"));
            text.append(label);
            String target = link.getDestination();
            if (!label.plain().equals(target) && !target.startsWith("#")) {
                text.append(" (" + target + ")", join(style, DIM));
            }
        } else if (node instanceof Image image) {
            text.append("[image: " + inline(node, style).plain() + "] (" + image.getDestination() + ")",
                    join(style, DIM));
        } else if (node instanceof HtmlInline html) {
            if (!html.getLiteral().startsWith("<!--")) {
                text.append(html.getLiteral(), style);
            }
        } else {
            text.append(inline(node, style));
        }
    }

    private static String join(String outer, String inner) {
        return outer.isEmpty() ? inner : outer + ";" + inner;
    }

    /** A GFM table drawn with box lines; columns wider than the screen allows are wrapped inside their cells. */
    private final class TableLayout {

        private final List<List<StyledText>> rows = new ArrayList<>();
        private final List<TableCell.Alignment> alignments = new ArrayList<>();
        private final int cols;

        TableLayout(Node table, int cols) {
            this.cols = cols;
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    List<StyledText> cells = new ArrayList<>();
                    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        TableCell tc = (TableCell) cell;
                        cells.add(inline(tc, tc.isHeader() ? "1" : ""));
                        if (rows.isEmpty()) {
                            alignments.add(tc.getAlignment());
                        }
                    }
                    rows.add(cells);
                }
            }
        }

        List<String> lines() {
            int n = alignments.size();
            int[] widths = new int[n];
            for (List<StyledText> row : rows) {
                for (int c = 0; c < n && c < row.size(); c++) {
                    widths[c] = Math.max(widths[c], row.get(c).width());
                }
            }
            shrink(widths, cols - (3 * n + 1));
            List<String> out = new ArrayList<>();
            out.add(rule(widths, "┌", "┬", "┐"));
            for (int r = 0; r < rows.size(); r++) {
                if (r == 1) {
                    out.add(rule(widths, "├", "┼", "┤"));
                }
                out.addAll(row(rows.get(r), widths));
            }
            out.add(rule(widths, "└", "┴", "┘"));
            return out;
        }

        /** Narrows the widest columns, one column at a time, until the table fits (each keeps 6 columns). */
        private void shrink(int[] widths, int available) {
            while (Arrays.stream(widths).sum() > available) {
                int widest = 0;
                for (int c = 1; c < widths.length; c++) {
                    if (widths[c] > widths[widest]) {
                        widest = c;
                    }
                }
                if (widths[widest] <= 6) {
                    return;
                }
                widths[widest]--;
            }
        }

        private List<String> row(List<StyledText> cells, int[] widths) {
            List<List<StyledText>> wrapped = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                List<StyledText> lines = c < cells.size() ? cells.get(c).wrap(widths[c]) : List.of(new StyledText());
                wrapped.add(lines);
                height = Math.max(height, lines.size());
            }
            List<String> out = new ArrayList<>();
            for (int h = 0; h < height; h++) {
                StringBuilder sb = new StringBuilder(paint(DIM, "│"));
                for (int c = 0; c < widths.length; c++) {
                    StyledText line = h < wrapped.get(c).size() ? wrapped.get(c).get(h) : new StyledText();
                    int pad = widths[c] - line.width();
                    int left = switch (alignments.get(c) == null ? TableCell.Alignment.LEFT : alignments.get(c)) {
                        case RIGHT -> pad;
                        case CENTER -> pad / 2;
                        default -> 0;
                    };
                    sb.append(' ').append(" ".repeat(left)).append(line.render(ansi))
                            .append(" ".repeat(pad - left)).append(' ').append(paint(DIM, "│"));
                }
                out.add(sb.toString());
            }
            return out;
        }

        private String rule(int[] widths, String left, String middle, String right) {
            StringBuilder sb = new StringBuilder(left);
            for (int c = 0; c < widths.length; c++) {
                sb.append("─".repeat(widths[c] + 2)).append(c == widths.length - 1 ? right : middle);
            }
            return paint(DIM, sb.toString());
        }
    }
}
