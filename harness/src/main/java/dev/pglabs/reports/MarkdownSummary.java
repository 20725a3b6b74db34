package dev.pglabs.reports;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassStatistics;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.util.List;

/**
 * A Markdown summary for CI job pages (GitHub's {@code $GITHUB_STEP_SUMMARY}, see {@link GitHubStepSummary}):
 * for a submission the score per lab and, folded away, the feedback of each check that does not pass; for a
 * class the distribution, the lab means and the hardest checks. Text from submissions is escaped, feedback sits in
 * code blocks; long feedback is cut so the page stays within GitHub's size limit.
 */
public final class MarkdownSummary {

    /** Feedback longer than this is cut in the summary (the JSON result and ./pglabs grade have all of it). */
    static final int MAX_FEEDBACK_CHARS = 2_000;
    /** Failing checks listed per lab; the rest is counted. */
    static final int MAX_CHECKS_PER_LAB = 40;

    private MarkdownSummary() {
    }

    public static String of(SubmissionResult result) {
        StringBuilder md = new StringBuilder();
        md.append("### pglabs: ").append(Scores.format(result.score())).append(" / ").append(Scores.format(result.max()))
                .append(" points\n\n");
        md.append("| lab | score | checks passed |\n|---|---:|---:|\n");
        for (LabResult lab : result.labs()) {
            long passed = lab.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
            md.append("| ").append(text(lab.id() + " " + lab.title())).append(" | ").append(Scores.format(lab.score()))
                    .append(" / ").append(Scores.format(lab.max())).append(" | ")
                    .append(lab.notStarted() ? "not started" : passed + " of " + lab.checks().size()).append(" |\n");
        }
        md.append('\n');
        for (LabResult lab : result.labs()) {
            if (lab.cap() != null) {
                md.append("**").append(text(lab.id())).append("**: ").append(text(lab.cap().reason())).append(".\n\n");
            }
        }
        if (result.hiddenNotRun() != null) {
            md.append("Scores are out of the visible checks' points: ").append(text(result.hiddenNotRun().sentence()))
                    .append(".\n\n");
        }
        for (LabResult lab : result.labs()) {
            List<CheckResult> open = lab.checks().stream().filter(c -> c.status() != CheckStatus.PASSED).toList();
            if (open.isEmpty() || lab.notStarted()) {
                continue;
            }
            md.append("<details><summary>").append(text(lab.id())).append(": ").append(open.size())
                    .append(open.size() == 1 ? " check" : " checks").append(" to fix</summary>\n\n");
            for (CheckResult check : open.subList(0, Math.min(open.size(), MAX_CHECKS_PER_LAB))) {
                md.append("**").append(text(check.id())).append("** ").append(text(check.title()))
                        .append(check.visibility() == Visibility.HIDDEN ? " _(hidden)_" : "").append(" — ")
                        .append(Scores.format(check.points())).append(" / ").append(Scores.format(check.max()))
                        .append(", ").append(check.status().json()).append("\n\n");
                if (!check.feedback().isEmpty()) {
                    md.append(codeBlock(cut(check.feedback()))).append('\n');
                }
            }
            if (open.size() > MAX_CHECKS_PER_LAB) {
                md.append("… and ").append(open.size() - MAX_CHECKS_PER_LAB).append(" more (./pglabs grade shows them all).\n\n");
            }
            md.append("</details>\n\n");
        }
        var run = result.run();
        if (run != null) {
            md.append("<sub>pglabs ").append(text(run.graderVersion())).append(" · PostgreSQL ")
                    .append(text(run.postgresVersion())).append(" (").append(text(run.provider()))
                    .append(") · submission SHA-256 `").append(text(run.submissionSha256())).append("`</sub>\n");
        }
        return md.toString();
    }

    public static String of(ClassResult result) {
        ClassStatistics stats = new ClassStatistics(result);
        StringBuilder md = new StringBuilder();
        md.append("### pglabs class run: ").append(result.students().size()).append(" students\n\n");
        if (stats.gradedCount() > 0) {
            md.append("Total: mean **").append(Scores.format(stats.mean())).append("**, median ")
                    .append(Scores.format(stats.median())).append(", lowest ").append(Scores.format(stats.min()))
                    .append(", highest ").append(Scores.format(stats.highest())).append(" of ")
                    .append(Scores.format(stats.max())).append(" points.\n\n");
        }
        if (!result.notGraded().isEmpty()) {
            md.append("**").append(result.notGraded().size()).append(" could not be graded:** ");
            md.append(String.join(", ", result.notGraded().stream().map(s -> text(s.name())).toList())).append("\n\n");
        }
        md.append("| total | students |\n|---|---:|\n");
        List<ClassStatistics.Bucket> buckets = stats.distribution();
        for (int i = buckets.size() - 1; i >= 0; i--) {
            md.append("| ").append(buckets.get(i).label()).append(" | ").append(buckets.get(i).students()).append(" |\n");
        }
        md.append("\n| lab | mean | median | max |\n|---|---:|---:|---:|\n");
        for (ClassStatistics.LabStats lab : stats.labs()) {
            md.append("| ").append(text(lab.id())).append(" | ").append(Scores.format(lab.mean())).append(" | ")
                    .append(Scores.format(lab.median())).append(" | ").append(Scores.format(lab.max())).append(" |\n");
        }
        List<ClassStatistics.CheckStats> hardest = stats.hardest(10);
        if (!hardest.isEmpty()) {
            md.append("\n**Hardest checks**\n\n| check | passed |\n|---|---:|\n");
            for (ClassStatistics.CheckStats c : hardest) {
                md.append("| ").append(text(c.lab() + " · " + c.id())).append(" | ").append(c.passed()).append(" of ")
                        .append(c.graded()).append(" |\n");
            }
        }
        md.append("\n<details><summary>Every student</summary>\n\n| student | total |\n|---|---:|\n");
        for (StudentResult s : result.students()) {
            md.append("| ").append(text(s.name())).append(" | ")
                    .append(s.result().map(r -> Scores.format(r.score()) + " / " + Scores.format(r.max())).orElse("not graded"))
                    .append(" |\n");
        }
        md.append("\n</details>\n\n<sub>pglabs ").append(text(result.graderVersion())).append(" · PostgreSQL ")
                .append(text(result.postgresVersion())).append("</sub>\n");
        return md.toString();
    }

    /** Text that renders as itself in Markdown and GitHub's HTML: markup and table characters escaped. */
    static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\n', '\r' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!' -> sb.append('\\').appendCodePoint(c);
                default -> {
                    if (c >= 0x20 && c != 0x7f) {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }

    /**
     * A fenced block its content cannot close: the fence is longer than any backtick run inside. Markup inside a
     * fence is shown as text; control characters are dropped.
     */
    static String codeBlock(String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String clean = content.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
        return fence + "text\n" + clean + (clean.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static String cut(String feedback) {
        return feedback.length() <= MAX_FEEDBACK_CHARS ? feedback
                : feedback.substring(0, MAX_FEEDBACK_CHARS) + "\n… (cut; ./pglabs grade shows all of it)";
    }
}
