package dev.pglabs.reports;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.io.PrintStream;

/**
 * The console view of a grading run: a line per check as it finishes (with feedback under failed ones),
 * then a score table.
 */
public final class ConsoleReport implements GradingProgress {

    private final PrintStream out;
    private final boolean color;

    public ConsoleReport(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    @Override
    public void labStarted(Lab lab) {
        out.println();
        out.println(bold(lab.folder() + "  " + lab.title()));
    }

    @Override
    public void checkFinished(Lab lab, CheckResult check) {
        String mark = switch (check.status()) {
            case PASSED -> paint("32", "✓");
            case FAILED -> paint("31", "✗");
            case ERROR -> paint("31", "!");
            case TIMEOUT -> paint("33", "⧗");
        };
        // Hidden variants say so in their title ("… (on other data)"); other hidden checks get a tag.
        String hidden = check.visibility() == Visibility.HIDDEN && !check.title().endsWith(")") ? " (hidden)" : "";
        String status = check.status() == CheckStatus.PASSED ? "" : "  " + check.status().json();
        out.printf("  %s %-28s %s%s  %s/%s%s%n", mark, check.id(), check.title(), hidden,
                Scores.format(check.points()), Scores.format(check.max()), status);
        if (!check.feedback().isEmpty()) {
            check.feedback().lines().forEach(line -> out.println("        " + line));
        }
        out.flush();
    }

    @Override
    public void labFinished(Lab lab, LabResult result) {
        out.printf("  %s%n", bold("→ " + Scores.format(result.score()) + "/" + Scores.format(result.max())
                + (result.hiddenNotRun() == null ? "" : " visible points")));
        if (result.hiddenNotRun() != null) {
            out.printf("    %s.%n", result.hiddenNotRun().sentence());
        }
        if (result.notStarted()) {
            out.printf("    Not started yet: the lab's README takes you through it, exercise by exercise.%n");
        }
    }

    /**
     * The watch view of a lab: its score on one line, then only the first check that does not pass, with its
     * feedback — one thing to fix at a time.
     */
    public void nextStep(LabResult result) {
        long passed = result.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
        out.println(bold(result.id() + "  " + Scores.format(result.score()) + "/" + Scores.format(result.max())
                + "  (" + passed + " of " + result.checks().size() + " checks pass)"));
        result.checks().stream().filter(c -> c.status() != CheckStatus.PASSED).findFirst().ifPresentOrElse(
                check -> {
                    out.println();
                    out.println("Next: " + check.id() + " — " + check.title());
                    check.feedback().lines().forEach(line -> out.println("  " + line));
                },
                () -> out.println(paint("32", result.hiddenNotRun() == null ? "Every check passes. Lab complete!"
                        : "Every visible check passes. Lab complete!")));
        if (result.hiddenNotRun() != null) {
            out.println("(" + result.hiddenNotRun().sentence() + ".)");
        }
        out.flush();
    }

    /** The score table at the end of a run. */
    public void summary(SubmissionResult result) {
        int width = Math.max(12, result.labs().stream().mapToInt(l -> l.id().length()).max().orElse(0));
        out.println();
        out.println(bold("Score"));
        out.printf("  %-" + width + "s  %7s  %6s  %s%n", "lab", "score", "passed", "of checks");
        for (LabResult lab : result.labs()) {
            long passed = lab.checks().stream().filter(c -> c.status() == CheckStatus.PASSED).count();
            out.printf("  %-" + width + "s  %7s  %6d  %d%s%n", lab.id(),
                    Scores.format(lab.score()) + "/" + Scores.format(lab.max()), passed, lab.checks().size(),
                    lab.notStarted() ? "  not started" : "");
        }
        out.printf("  %-" + width + "s  %7s%n", "total", Scores.format(result.score()) + "/" + Scores.format(result.max()));
        if (result.hiddenNotRun() != null) {
            out.printf("  Scores are out of the visible checks' points. %s;%n  they run your answers on other data, "
                    + "so answers that follow the task (not today's rows) pass them.%n",
                    capitalised(result.hiddenNotRun().sentence()));
            for (LabResult lab : result.labs()) {
                if (lab.hiddenNotRun() != null) {
                    out.printf("    %-" + width + "s  %s%n", lab.id(), lab.hiddenNotRun().sentence());
                }
            }
        }
        out.printf("  graded on PostgreSQL %s (%s) in %.1f s%n", result.run().postgresVersion(),
                result.run().provider(), result.run().durationMs() / 1000.0);
        out.flush();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String bold(String text) {
        return paint("1", text);
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
