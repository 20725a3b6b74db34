package dev.pglabs.reports;

import dev.pglabs.classroom.LabGrade;
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
import java.util.List;

/**
 * One student's feedback as a self-contained HTML page: the score per lab, then every check with its status,
 * points and feedback. Everything that comes from the submission is escaped.
 */
public final class FeedbackPage {

    private FeedbackPage() {
    }

    public static void write(String student, SubmissionResult result, Path file) throws IOException {
        write(student, result, List.of(), file);
    }

    /** With {@code grades} (a course policy), the page also says when each lab was handed in and its penalty. */
    public static void write(String student, SubmissionResult result, List<LabGrade> grades, Path file)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(student, result, grades), StandardCharsets.UTF_8);
    }

    public static String render(String student, SubmissionResult result) {
        return render(student, result, List.of());
    }

    public static String render(String student, SubmissionResult result, List<LabGrade> grades) {
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
                    .append(lab.cap() == null ? "" : " (capped)").append("</td><td class=\"num\">")
                    .append(lab.notStarted() ? "not started" : passed + " of " + lab.checks().size())
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        b.append(courseGrade(grades));
        for (LabResult lab : result.labs()) {
            b.append("<h2 id=\"").append(Html.escape(lab.id())).append("\">").append(Html.escape(lab.id())).append(" · ")
                    .append(Html.escape(lab.title())).append(" — ").append(Scores.format(lab.score())).append(" / ")
                    .append(Scores.format(lab.max())).append("</h2>\n");
            if (lab.cap() != null) {
                b.append("<p class=\"capped\"><strong>Score ").append(Html.escape(lab.cap().reason()))
                        .append(".</strong></p>\n");
            }
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

    /** When each lab was handed in, how late, what it counts for and what lateness took off. */
    static String courseGrade(List<LabGrade> grades) {
        if (grades.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Course grade</h2>\n<table>\n<tr><th>lab</th><th>handed in</th>"
                + "<th class=\"num\">days late</th><th class=\"num\">points</th><th class=\"num\">late penalty</th>"
                + "<th class=\"num\">final</th></tr>\n");
        for (LabGrade g : grades) {
            String when = g.handedIn().map(t -> t.at() + " (" + t.source() + ")").orElse("—");
            b.append("<tr><td>").append(Html.escape(g.lab())).append("</td><td>").append(Html.escape(when))
                    .append("</td><td class=\"num\">").append(g.daysLate()).append("</td><td class=\"num\">")
                    .append(Scores.format(g.counted())).append(" / ").append(Scores.format(g.countedMax()))
                    .append("</td><td class=\"num\">").append(g.penalty() == 0 ? "—" : "−"
                            + Scores.format(g.penalty()) + " (" + Scores.format(g.penaltyPercent()) + " %)")
                    .append("</td><td class=\"num\">").append(Scores.format(g.finalPoints())).append("</td></tr>\n");
        }
        double total = grades.stream().mapToDouble(LabGrade::finalPoints).sum();
        double max = grades.stream().mapToDouble(LabGrade::countedMax).sum();
        b.append("</table>\n<p><strong>Course grade: ").append(Scores.format(total)).append(" / ")
                .append(Scores.format(max)).append(" points</strong> (the lab's points as the course counts them, "
                        + "less the late penalty; the time comes from the last commit that touched the lab, or from "
                        + "its newest file).</p>\n");
        return b.toString();
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
