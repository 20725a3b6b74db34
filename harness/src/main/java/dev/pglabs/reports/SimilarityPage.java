package dev.pglabs.reports;

import dev.pglabs.classroom.similarity.Answer;
import dev.pglabs.classroom.similarity.IdenticalSubmissions;
import dev.pglabs.classroom.similarity.SimilarityIndex;
import dev.pglabs.classroom.similarity.SimilarityReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The similarity report as one self-contained HTML page for the instructor: identical lab folders, clusters,
 * and each listed pair with the answers they share side by side. Every student text (names, answers, notes) is
 * escaped; long answers are cut for display.
 */
public final class SimilarityPage {

    /** Answers longer than this are cut on the page (the student's file has the rest). */
    static final int MAX_SHOWN_CHARS = 4_000;

    private SimilarityPage() {
    }

    public static void write(SimilarityReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    public static String render(SimilarityReport report) {
        StringBuilder b = new StringBuilder();
        b.append("""
                <style>
                .side { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
                .side > div { min-width: 0; } .side pre { max-height: 22rem; overflow: auto; }
                .hint { background: #ddf4ff; border-left: 4px solid #2f81f7; padding: .5rem .8rem; }
                .shared { margin: .6rem 0 1.2rem; }
                </style>
                """);
        b.append("<h1>Similarity report</h1>\n<p class=\"hint\"><strong>A hint for a human, never a penalty.</strong> "
                + "This page lists answers that are alike in a way that is rare in this class. Students may have "
                + "worked together as allowed, followed the same example, or simply found the same query. Read "
                + "the answers, talk to the students, and decide yourself; pglabs never changes a grade because "
                + "of it.</p>\n");
        b.append("<p>").append(report.students()).append(report.students() == 1 ? " student, " : " students, ")
                .append(report.labs().size() == 1 ? "lab " : "labs ")
                .append(Html.escape(String.join(", ", report.labs()))).append(": ").append(report.answers())
                .append(report.answers() == 1 ? " answer to " : " answers to ").append(report.exercises())
                .append(report.exercises() == 1 ? " SQL exercise compared" : " SQL exercises compared");
        if (report.tokenOnly() > 0) {
            b.append(" (").append(report.tokenOnly()).append(" the SQL parser could not read, compared word by word)");
        }
        b.append(".</p>\n");

        b.append("<h2>Identical lab folders</h2>\n");
        if (report.identical().isEmpty()) {
            b.append("<p class=\"muted\">No two students handed in the same files for a lab (the untouched starter "
                    + "does not count).</p>\n");
        } else {
            b.append("<table>\n<tr><th>lab</th><th>students</th><th>content hash</th></tr>\n");
            for (IdenticalSubmissions.Group g : report.identical()) {
                b.append("<tr><td>").append(Html.escape(g.lab())).append("</td><td>")
                        .append(Html.escape(String.join(", ", g.students()))).append("</td><td><code>")
                        .append(Html.escape(g.hash().substring(0, 12))).append("</code></td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<h2>Groups</h2>\n");
        if (report.clusters().isEmpty()) {
            b.append("<p class=\"muted\">No pair of students scored ").append(score(report.threshold()))
                    .append(" or more.</p>\n");
        } else {
            b.append("<p class=\"muted\">Students linked by the pairs below (a pair at score ")
                    .append(score(report.threshold())).append(" or more links them).</p>\n<ul>\n");
            for (List<String> cluster : report.clusters()) {
                b.append("<li>").append(Html.escape(String.join(", ", cluster))).append("</li>\n");
            }
            b.append("</ul>\n");
        }

        if (!report.pairs().isEmpty()) {
            b.append("<h2>Pairs</h2>\n");
            for (SimilarityIndex.Pair pair : report.pairs()) {
                pair(b, pair);
            }
        }

        if (!report.notes().isEmpty()) {
            b.append("<h2>Not compared</h2>\n<ul>\n");
            report.notes().forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>\n"));
            b.append("</ul>\n");
        }

        b.append("<h2>How the score works</h2>\n<p class=\"muted\">Each answer is parsed as SQL and rewritten so that "
                + "aliases, identifier case and quotes, literals, whitespace, comments, keyword case and the order of "
                + "operands of AND, OR, =, &lt;&gt;, + and * and the order of inner-joined tables do not matter; what the parser cannot read is compared word "
                + "by word. Statements of the starter never count. On each exercise, a form written by k of the n "
                + "students who answered weighs ln(n/k), less for very short answers; a form that more than half of them "
                + "wrote weighs nothing. A pair's score is the sum over the exercises where both wrote the same form. "
                + "See docs/instructors.md.</p>\n");
        return Html.page("pglabs similarity report", b.toString());
    }

    private static void pair(StringBuilder b, SimilarityIndex.Pair pair) {
        b.append("<h3>").append(Html.escape(pair.first())).append(" and ").append(Html.escape(pair.second()))
                .append(" — score ").append(score(pair.score())).append("</h3>\n");
        for (SimilarityIndex.Shared s : pair.shared()) {
            b.append("<div class=\"shared\"><div><code>").append(Html.escape(s.exercise().name()))
                    .append("</code> <span class=\"muted\">weight ").append(score(s.weight())).append(": written this way by ")
                    .append(s.sharedBy()).append(" of the ").append(s.answered()).append(" students who answered</span></div>\n")
                    .append("<div class=\"side\">");
            answer(b, s.first());
            answer(b, s.second());
            b.append("</div></div>\n");
        }
    }

    private static void answer(StringBuilder b, Answer answer) {
        String text = withoutStarterHeader(answer.text(), answer.exercise().starter());
        String shown = text.length() <= MAX_SHOWN_CHARS ? text
                : text.substring(0, MAX_SHOWN_CHARS) + "\n… (" + (text.length() - MAX_SHOWN_CHARS) + " more characters)";
        b.append("<div><div class=\"muted\">").append(Html.escape(answer.student()))
                .append(answer.parsed() ? "" : " (compared word by word)").append("</div><pre>")
                .append(Html.escape(shown)).append("</pre></div>");
    }

    /** The answer without the lines it starts with that are the starter's (the task header, the same for all). */
    static String withoutStarterHeader(String text, String starter) {
        List<String> mine = text.lines().toList();
        List<String> theirs = starter.lines().toList();
        int same = 0;
        while (same < mine.size() && same < theirs.size() && mine.get(same).strip().equals(theirs.get(same).strip())) {
            same++;
        }
        if (same == 0) {
            return text;
        }
        return "-- (the starter's first " + same + (same == 1 ? " line" : " lines") + ", unchanged, left out)\n"
                + String.join("\n", mine.subList(same, mine.size()));
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
