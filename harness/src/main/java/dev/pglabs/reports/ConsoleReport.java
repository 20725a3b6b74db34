package dev.pglabs.reports;

import dev.pglabs.course.Exercise;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

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
        String mark = mark(check);
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
        if (result.cap() != null) {
            out.printf("    %s.%n", capitalised(result.cap().reason()));
        }
        if (result.hiddenNotRun() != null) {
            out.printf("    %s.%n", result.hiddenNotRun().sentence());
        }
        if (result.notStarted()) {
            out.printf("    Not started yet: the lab's README takes you through it, exercise by exercise.%n");
        }
    }

    /**
     * The watch view of a lab (rustlings' way): a progress bar of its exercises, a "✓ exercise NN passed" line for
     * each exercise this save turned green, then only the first exercise not passed yet, its checks and their
     * feedback — one thing to fix at a time. Lines are wrapped at word boundaries to {@code width} columns.
     *
     * @param justPassed the numbers of the exercises that passed now and did not before
     */
    public void watchView(LabResult result, List<String> justPassed, int width) {
        List<Exercise> exercises = Exercise.of(result);
        long done = exercises.stream().filter(Exercise::passed).count();
        print(bold(result.id() + "  " + result.title()), width, "");
        out.println(progressBar(done, exercises.size(), width) + "  " + done + "/" + exercises.size() + " exercises, "
                + Scores.format(result.score()) + "/" + Scores.format(result.max()) + " points");
        if (result.cap() != null) {
            print(capitalised(result.cap().reason()) + ".", width, "");
        }
        for (String number : justPassed) {
            out.println();
            out.println(paint("32", "✓ exercise " + number + " passed"));
        }
        out.println();
        exercises.stream().filter(e -> !e.passed()).findFirst().ifPresentOrElse(exercise -> {
            print(bold("Exercise " + exercise.number()), width, "");
            for (CheckResult check : exercise.checks()) {
                print("  " + mark(check) + " " + check.title() + "  " + Scores.format(check.points()) + "/"
                        + Scores.format(check.max()), width, "    ");
                check.feedback().lines().forEach(line -> print(line.isBlank() ? "" : "      " + line, width, "      "));
            }
            out.println();
            boolean hintNamed = exercise.checks().stream().anyMatch(c -> c.feedback().contains("pglabs hint"));
            print("Edit the file it names and save." + (hintNamed ? "" : " Stuck? ./pglabs hint "
                    + labNumber(result.id()) + " gives a hint."), width, "");
        }, () -> out.println(paint("32", result.hiddenNotRun() == null ? "Every check passes. Lab complete!"
                : "Every visible check passes. Lab complete!")));
        if (result.hiddenNotRun() != null) {
            print("(" + result.hiddenNotRun().sentence() + ".)", width, "");
        }
        out.flush();
    }

    /** {@code [#####>------]}, as wide as a narrow terminal allows. */
    static String progressBar(long done, int total, int width) {
        int cells = Math.max(10, Math.min(40, width - 40));
        int filled = total == 0 ? cells : (int) (cells * done / total);
        return "[" + "#".repeat(filled) + (filled < cells ? ">" + "-".repeat(cells - filled - 1) : "") + "]";
    }

    private static String labNumber(String labFolder) {
        int dash = labFolder.indexOf('-');
        return dash > 0 ? labFolder.substring(0, dash) : labFolder;
    }

    /** Prints a line, wrapped at spaces when it is wider than {@code width} columns. */
    public void line(String text, int width) {
        print(text, width, "");
        out.flush();
    }

    /** Prints a line, wrapped at spaces when it is wider than {@code width}; continuation lines get the indent. */
    private void print(String line, int width, String indent) {
        wrap(line, width, indent).forEach(out::println);
    }

    /**
     * Splits a line at spaces so that each piece fits in {@code width} columns; a word longer than that stays whole
     * on a line of its own. Continuation lines start with {@code indent}, or the line's own indent if deeper.
     * Escape codes (colour) count for nothing.
     */
    static List<String> wrap(String line, int width, String indent) {
        List<String> lines = new ArrayList<>();
        if (visibleLength(line) <= width) {
            lines.add(line);
            return lines;
        }
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') {
            lead++;
        }
        StringBuilder current = new StringBuilder(line.substring(0, lead));
        String continuation = lead > indent.length() ? line.substring(0, lead) : indent;
        boolean empty = true;
        for (String word : line.substring(lead).split(" +")) {
            if (!empty && visibleLength(current) + 1 + visibleLength(word) > width) {
                lines.add(current.toString());
                current = new StringBuilder(continuation);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        lines.add(current.toString());
        return lines;
    }

    private static int visibleLength(CharSequence text) {
        String plain = text.toString().replaceAll("\u001b\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
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
            if (lab.cap() != null) {
                out.printf("  %-" + width + "s  %s%n", "", lab.cap().reason());
            }
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

    private String mark(CheckResult check) {
        return switch (check.status()) {
            case PASSED -> paint("32", "✓");
            case FAILED -> paint("31", "✗");
            case ERROR -> paint("31", "!");
            case TIMEOUT -> paint("33", "⧗");
        };
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
