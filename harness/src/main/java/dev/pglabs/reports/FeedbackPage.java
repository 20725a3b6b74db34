package dev.pglabs.reports;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One student's feedback as a self-contained HTML page: the score per lab, then every check with its status,
 * points and feedback. Everything that comes from the submission is escaped.
 */
public final class FeedbackPage {

    private FeedbackPage() {
    }

    public static void write(String student, SubmissionResult result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(student, result), StandardCharsets.UTF_8);
    }

    public static String render(String student, SubmissionResult result) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Feedback for ").append(Html.escape(student)).append("</h1>\n");
        b.append("<p><strong>").append(Scores.format(result.score())).append(" / ").append(Scores.format(result.max()))
                .append(" points</strong></p>\n");
        b.append("<table>\n<tr><th>lab</th><th class=\"num\">score</th><th class=\"num\">checks passed</th></tr>\n");
        for (LabResult lab : result.labs()) {
            long passed = lab.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
            b.append("<tr><td><a href=\"#").append(Html.escape(lab.id())).append("\">").append(Html.escape(lab.id()))
                    .append("</a> ").append(Html.escape(lab.title())).append("</td><td class=\"num\">")
                    .append(Scores.format(lab.score())).append(" / ").append(Scores.format(lab.max()))
                    .append("</td><td class=\"num\">")
                    .append(lab.notStarted() ? "not started" : passed + " of " + lab.checks().size())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (LabResult lab : result.labs()) {
            b.append("<h2 id=\"").append(Html.escape(lab.id())).append("\">").append(Html.escape(lab.id())).append(" · ")
                    .append(Html.escape(lab.title())).append(" — ").append(Scores.format(lab.score())).append(" / ")
                    .append(Scores.format(lab.max())).append("</h2>\n");
            if (lab.checks().isEmpty()) {
                b.append("<p class=\"muted\">No checks ran for this lab.</p>\n");
            }
            if (lab.notStarted()) {
                // Untouched starters or no files: a list of every check's feedback and hint would only tell the
                // student what they already know, and hand out the hints before they tried anything.
                b.append("<p><strong>Not started.</strong> This lab's files are missing or still the untouched "
                        + "starters, so none of its ").append(lab.checks().size()).append(" checks could pass. "
                        + "Start with the lab's README.</p>\n");
                continue;
            }
            for (CheckResult check : lab.checks()) {
                b.append("<div class=\"check\">").append(Html.statusBadge(check.status())).append(" <code>")
                        .append(Html.escape(check.id())).append("</code> <span class=\"check-title\">")
                        .append(Html.escape(check.title())).append("</span> ");
                if (check.visibility() == Visibility.HIDDEN) {
                    b.append("<span class=\"hidden-tag\">(hidden check)</span> ");
                }
                b.append("<span class=\"muted\">").append(Scores.format(check.points())).append(" / ")
                        .append(Scores.format(check.max())).append("</span>\n");
                if (!check.feedback().isEmpty()) {
                    b.append("<pre>").append(Html.escape(check.feedback())).append("</pre>\n");
                }
                b.append("</div>\n");
            }
        }
        b.append(footer(result));
        return Html.page("pglabs feedback: " + student, b.toString());
    }

    static String footer(SubmissionResult result) {
        var run = result.run();
        if (run == null) {
            return "";
        }
        return "<p class=\"muted\">Graded by pglabs " + Html.escape(run.graderVersion()) + " on PostgreSQL "
                + Html.escape(run.postgresVersion()) + " (" + Html.escape(run.provider()) + ") at "
                + Html.escape(run.gradedAt()) + ". Submission SHA-256: <code>"
                + Html.escape(run.submissionSha256()) + "</code></p>\n";
    }
}
