package dev.pglabs.reports;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassStatistics;
import dev.pglabs.classroom.ClassStatistics.CheckStats;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The instructor's view of a class run as one self-contained HTML page: the score distribution, per lab the
 * mean, per check how many students passed it (hardest first in their own list), and every student with a link
 * to their feedback page. Student names and notes are escaped.
 */
public final class ClassOverviewPage {

    private ClassOverviewPage() {
    }

    /** @param links the feedback page of each student, relative to the overview, by student name */
    public static void write(ClassResult result, Map<String, String> links, Path file) throws IOException {
        write(result, links, List.of(), file);
    }

    /** @param notes lines the instructor must see at the top (entries that are not students, roster mismatches) */
    public static void write(ClassResult result, Map<String, String> links, List<String> notes, Path file)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(result, links::get, notes), StandardCharsets.UTF_8);
    }

    public static String render(ClassResult result, Function<String, String> links) {
        return render(result, links, List.of());
    }

    public static String render(ClassResult result, Function<String, String> links, List<String> notes) {
        ClassStatistics stats = new ClassStatistics(result);
        StringBuilder b = new StringBuilder();
        int total = result.students().size();
        b.append("<h1>Class overview</h1>\n<p>").append(total).append(total == 1 ? " student" : " students")
                .append(", labs ").append(Html.escape(String.join(", ", result.labs().stream().map(l -> l.folder()).toList())))
                .append(". ");
        if (stats.gradedCount() > 0) {
            b.append("Total score: mean <strong>").append(Scores.format(stats.mean())).append("</strong>, median ")
                    .append(Scores.format(stats.median())).append(", lowest ").append(Scores.format(stats.min()))
                    .append(", highest ").append(Scores.format(stats.highest())).append(" of ")
                    .append(Scores.format(stats.max())).append(" points.");
        }
        b.append("</p>\n");
        List<StudentResult> notGraded = result.notGraded();
        if (!notGraded.isEmpty()) {
            b.append("<p><strong>").append(notGraded.size()).append(" could not be graded</strong> (the harness failed, "
                    + "not the student; see the table below and grade them again).</p>\n");
        }
        if (!notes.isEmpty()) {
            b.append("<ul class=\"notes\">\n");
            notes.forEach(note -> b.append("<li>").append(Html.escape(note)).append("</li>\n"));
            b.append("</ul>\n");
        }

        b.append("<h2>Score distribution</h2>\n<table>\n<tr><th>total</th><th class=\"num\">students</th><th></th></tr>\n");
        int most = stats.distribution().stream().mapToInt(ClassStatistics.Bucket::students).max().orElse(0);
        List<ClassStatistics.Bucket> buckets = stats.distribution();
        for (int i = buckets.size() - 1; i >= 0; i--) {  // highest scores first
            ClassStatistics.Bucket bucket = buckets.get(i);
            b.append("<tr><td>").append(bucket.label()).append("</td><td class=\"num\">").append(bucket.students())
                    .append("</td><td>").append(Html.bar(most == 0 ? 0 : (double) bucket.students() / most))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>Labs</h2>\n<table>\n<tr><th>lab</th><th class=\"num\">mean</th><th class=\"num\">median</th>"
                + "<th class=\"num\">max</th><th></th></tr>\n");
        for (ClassStatistics.LabStats lab : stats.labs()) {
            b.append("<tr><td>").append(Html.escape(lab.id())).append(" ").append(Html.escape(lab.title()))
                    .append("</td><td class=\"num\">").append(Scores.format(lab.mean())).append("</td><td class=\"num\">")
                    .append(Scores.format(lab.median())).append("</td><td class=\"num\">").append(Scores.format(lab.max()))
                    .append("</td><td>").append(Html.bar(lab.max() == 0 ? 0 : lab.mean() / lab.max())).append("</td></tr>\n");
        }
        b.append("</table>\n");

        List<CheckStats> hardest = stats.hardest(10);
        if (!hardest.isEmpty()) {
            b.append("<h2>Hardest checks</h2>\n<p class=\"muted\">The checks the fewest students passed: "
                    + "the exercises to discuss in class.</p>\n");
            checkTable(b, hardest);
        }
        b.append("<h2>Every check</h2>\n");
        checkTable(b, stats.checks());

        b.append("<h2>Students</h2>\n<table>\n<tr><th>student</th>");
        result.labs().forEach(l -> b.append("<th class=\"num\">").append(Html.escape(l.folder())).append("</th>"));
        b.append("<th class=\"num\">total</th><th>notes</th></tr>\n");
        for (StudentResult s : result.students()) {
            String link = links.apply(s.name());
            b.append("<tr><td>");
            if (link != null) {
                b.append("<a href=\"").append(Html.href(link)).append("\">").append(Html.escape(s.name())).append("</a>");
            } else {
                b.append(Html.escape(s.name()));
            }
            b.append("</td>");
            Optional<SubmissionResult> r = s.result();
            for (var lab : result.labs()) {
                String cell = r.flatMap(res -> res.labs().stream().filter(l -> l.id().equals(lab.folder())).findFirst())
                        .map(l -> Scores.format(l.score()) + " / " + Scores.format(l.max())).orElse("—");
                b.append("<td class=\"num\">").append(cell).append("</td>");
            }
            b.append("<td class=\"num\"><strong>").append(r.map(res -> Scores.format(res.score())).orElse("—"))
                    .append("</strong></td><td>");
            if (!s.problem().isEmpty()) {
                b.append("<strong>not graded:</strong> ").append(Html.escape(s.problem())).append(' ');
            }
            b.append(Html.escape(s.student().note())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        b.append("<p class=\"muted\">Graded by pglabs ").append(Html.escape(result.graderVersion()))
                .append(" on PostgreSQL ").append(Html.escape(result.postgresVersion())).append(" at ")
                .append(Html.escape(result.gradedAt())).append(" in ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", result.durationMs() / 1000.0)).append(" s.</p>\n");
        return Html.page("pglabs class overview", b.toString());
    }

    private static void checkTable(StringBuilder b, List<CheckStats> checks) {
        b.append("<table>\n<tr><th>lab</th><th>check</th><th class=\"num\">passed</th><th></th>"
                + "<th class=\"num\">failed</th><th class=\"num\">error</th><th class=\"num\">timeout</th>"
                + "<th class=\"num\">points</th></tr>\n");
        for (CheckStats c : checks) {
            b.append("<tr><td>").append(Html.escape(c.lab())).append("</td><td><code>").append(Html.escape(c.id()))
                    .append("</code> ").append(Html.escape(c.title()));
            if (c.visibility() == Visibility.HIDDEN) {
                b.append(" <span class=\"hidden-tag\">(hidden)</span>");
            }
            b.append("</td><td class=\"num\">").append(c.passed()).append(" of ").append(c.graded())
                    .append("</td><td>").append(Html.bar(c.passRate())).append(' ')
                    .append(Math.round(c.passRate() * 100)).append(" %</td><td class=\"num\">").append(c.failed())
                    .append("</td><td class=\"num\">").append(c.errors()).append("</td><td class=\"num\">")
                    .append(c.timeouts()).append("</td><td class=\"num\">").append(Scores.format(c.max()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }
}
