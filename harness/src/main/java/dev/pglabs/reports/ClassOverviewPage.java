package dev.pglabs.reports;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassStatistics;
import dev.pglabs.classroom.ClassStatistics.CheckStats;
import dev.pglabs.classroom.ClassStatistics.ExerciseStats;
import dev.pglabs.classroom.GradeDiff;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The instructor's view of a class run as one self-contained HTML page, in the order a teacher reads it: what
 * changed since the previous run into the same folder (if there was one), the score distribution, per lab the
 * mean, the hardest exercises, the students who passed a visible check and failed its hidden twin, every exercise
 * (a check and its hidden twin on one row, counted over the students who attempted the lab) and every student with
 * their total and a link to their feedback page. Student names, notes and check titles are escaped.
 */
public final class ClassOverviewPage {

    /**
     * The run this one replaced in the same {@code --out} folder, and per student what changed since (see
     * {@link GradeDiff}).
     */
    public record PreviousRun(String gradedAt, String graderVersion, List<GradeDiff.StudentChanges> changes) {
        public PreviousRun {
            changes = List.copyOf(changes);
        }
    }

    private ClassOverviewPage() {
    }

    /** @param links the feedback page of each student, relative to the overview, by student name */
    public static void write(ClassResult result, Map<String, String> links, Path file) throws IOException {
        write(result, links, List.of(), Optional.empty(), file);
    }

    /**
     * As {@link #write(ClassResult, Map, Path)}, with lines the instructor must see at the top ({@code notes}: entries
     * that are not students, roster mismatches) and the changes since {@code previous} when there was one.
     */
    public static void write(ClassResult result, Map<String, String> links, List<String> notes,
                             Optional<PreviousRun> previous, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(result, links::get, notes, previous), StandardCharsets.UTF_8);
    }

    public static String render(ClassResult result, Function<String, String> links) {
        return render(result, links, List.of(), Optional.empty());
    }

    public static String render(ClassResult result, Function<String, String> links, List<String> notes,
                                Optional<PreviousRun> previous) {
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
        previous.ifPresent(p -> changes(b, p));

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

        List<ExerciseStats> hardest = stats.hardestExercises(10);
        if (!hardest.isEmpty()) {
            b.append("<h2>Hardest exercises</h2>\n<p class=\"muted\">The exercises the fewest students solved (every "
                    + "check of the exercise passed), counting only the students who started the lab: the exercises "
                    + "to discuss in class.</p>\n");
            exerciseTable(b, hardest);
        }
        visibleOnly(b, stats);
        b.append("<h2>Every exercise</h2>\n");
        exerciseTable(b, stats.exercises());
        students(b, result, links);
        b.append("<p class=\"muted\">Graded by pglabs ").append(Html.escape(result.graderVersion()))
                .append(" on PostgreSQL ").append(Html.escape(result.postgresVersion())).append(" at ")
                .append(Html.escape(result.gradedAt())).append(" in ")
                .append(String.format(Locale.ROOT, "%.1f", result.durationMs() / 1000.0)).append(" s.</p>\n");
        return Html.page("pglabs class overview", b.toString());
    }

    private static void changes(StringBuilder b, PreviousRun previous) {
        List<GradeDiff.StudentChanges> diff = previous.changes();
        int checks = diff.stream().mapToInt(s -> s.changes().size()).sum();
        b.append("<h2>Changes since the previous run</h2>\n<p>Compared with the run of ")
                .append(Html.escape(previous.gradedAt())).append(" (pglabs ").append(Html.escape(previous.graderVersion()))
                .append(") this folder held before: ");
        if (diff.isEmpty()) {
            b.append("no student&#39;s result changed.</p>\n");
            return;
        }
        b.append(diff.size()).append(diff.size() == 1 ? " student" : " students").append(" changed, ").append(checks)
                .append(checks == 1 ? " check" : " checks").append(".</p>\n");
        b.append("<table>\n<tr><th>student</th><th>lab</th><th>check</th><th>before</th><th>now</th></tr>\n");
        for (GradeDiff.StudentChanges student : diff) {
            String name = "<td class=\"name\">" + Html.escape(student.name()) + "</td>";
            if (student.changes().isEmpty()) {
                b.append("<tr>").append(name).append("<td colspan=\"4\">").append(Html.escape(student.note()))
                        .append("</td></tr>\n");
            }
            for (GradeDiff.Change c : student.changes()) {
                b.append("<tr>").append(name).append("<td>").append(Html.escape(c.lab())).append("</td><td><code>")
                        .append(Html.escape(c.check())).append("</code></td><td>").append(Html.escape(c.before()))
                        .append("</td><td>").append(Html.escape(c.after())).append("</td></tr>\n");
            }
        }
        b.append("</table>\n");
    }

    private static void visibleOnly(StringBuilder b, ClassStatistics stats) {
        List<ClassStatistics.VisibleOnly> found = stats.visibleOnly();
        if (stats.exercises().stream().noneMatch(e -> e.visible() != null && e.hidden() != null)) {
            return;  // no exercise has a hidden twin in these labs
        }
        b.append("<h2>Passed visible, failed hidden</h2>\n<p class=\"muted\">Answers that passed an exercise&#39;s "
                + "visible check and failed the same exercise on other data (its hidden check): often an answer "
                + "fitted to the visible rows, such as hard-coded values. Worth a look at the student&#39;s code.</p>\n");
        if (found.isEmpty()) {
            b.append("<p>None: every answer that passed a visible check passed its hidden twin too.</p>\n");
            return;
        }
        b.append("<table>\n<tr><th>student</th><th>lab</th><th>exercises</th></tr>\n");
        for (ClassStatistics.VisibleOnly v : found) {
            b.append("<tr><td class=\"name\">").append(Html.escape(v.student())).append("</td><td>")
                    .append(Html.escape(v.lab())).append("</td><td>");
            v.exercises().forEach(e -> b.append("<code>").append(Html.escape(e)).append("</code> "));
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void exerciseTable(StringBuilder b, List<ExerciseStats> exercises) {
        b.append("<table class=\"exercises\">\n<tr><th>lab</th><th>exercise</th><th class=\"num\">solved</th><th></th>"
                + "<th class=\"num\">visible passed</th><th class=\"num\">hidden passed</th>"
                + "<th class=\"num\">passed visible, failed hidden</th><th>not passed</th>"
                + "<th class=\"num\">not started</th><th class=\"num\">points</th></tr>\n");
        for (ExerciseStats e : exercises) {
            CheckStats any = e.visible() != null ? e.visible() : e.hidden();
            b.append("<tr><td>").append(Html.escape(e.lab())).append("</td><td><code>").append(Html.escape(e.id()))
                    .append("</code> ").append(Html.escape(e.title()));
            if (e.visible() == null) {
                b.append(" <span class=\"hidden-tag\">(hidden)</span>");
            }
            b.append("</td><td class=\"num\">").append(e.solved()).append(" of ").append(e.attempted())
                    .append("</td><td class=\"nowrap\">").append(Html.bar(e.solvedRate())).append(' ')
                    .append(Math.round(e.solvedRate() * 100)).append(" %</td><td class=\"num\">")
                    .append(passed(e.visible())).append("</td><td class=\"num\">").append(passed(e.hidden()))
                    .append("</td><td class=\"num\">").append(e.hidden() == null || e.visible() == null ? "—"
                            : Integer.toString(e.visibleOnly()))
                    .append("</td><td>").append(notPassed(e)).append("</td><td class=\"num\">")
                    .append(any.notStarted()).append("</td><td class=\"num\">").append(Scores.format(e.max()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String passed(CheckStats check) {
        return check == null ? "—" : check.passed() + " of " + check.graded();
    }

    /** How the checks of an exercise that did not pass ended, e.g. "3 failed, 1 timeout" (both variants). */
    private static String notPassed(ExerciseStats e) {
        int failed = 0;
        int errors = 0;
        int timeouts = 0;
        for (CheckStats c : Arrays.asList(e.visible(), e.hidden())) {
            if (c != null) {
                failed += c.failed();
                errors += c.errors();
                timeouts += c.timeouts();
            }
        }
        List<String> parts = new ArrayList<>();
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (timeouts > 0) {
            parts.add(timeouts + (timeouts == 1 ? " timeout" : " timeouts"));
        }
        return String.join(", ", parts);
    }

    /**
     * One row per student, the total right after the name so it shows on any screen; lab columns are headed by the
     * lab number (the folder name is its tooltip) and hold the points only, so a dozen labs fit a laptop screen.
     */
    private static void students(StringBuilder b, ClassResult result, Function<String, String> links) {
        ClassStatistics stats = new ClassStatistics(result);
        b.append("<h2>Students</h2>\n<div class=\"scroll\"><table>\n<tr><th>student</th><th class=\"num\">total<br>"
                + "<span class=\"muted\">of ").append(Scores.format(stats.max())).append("</span></th>");
        for (ClassStatistics.LabStats lab : stats.labs()) {
            b.append("<th class=\"num\" title=\"").append(Html.escape(lab.id() + " " + lab.title())).append("\">")
                    .append(Html.escape(labNumber(lab.id()))).append("<br><span class=\"muted\">of ")
                    .append(Scores.format(lab.max())).append("</span></th>");
        }
        b.append("<th>notes</th></tr>\n");
        for (StudentResult s : result.students()) {
            String link = links.apply(s.name());
            b.append("<tr><td class=\"name\">");
            if (link != null) {
                b.append("<a href=\"").append(Html.href(link)).append("\">").append(Html.escape(s.name())).append("</a>");
            } else {
                b.append(Html.escape(s.name()));
            }
            Optional<SubmissionResult> r = s.result();
            b.append("</td><td class=\"num\"><strong>").append(r.map(res -> Scores.format(res.score())).orElse("—"))
                    .append("</strong></td>");
            for (var lab : result.labs()) {
                Optional<LabResult> l = r.flatMap(res -> res.labs().stream().filter(x -> x.id().equals(lab.folder())).findFirst());
                if (l.isPresent() && l.get().notStarted()) {
                    b.append("<td class=\"num muted\" title=\"not started\">").append(Scores.format(l.get().score()))
                            .append("</td>");
                } else if (l.isPresent() && l.get().cap() != null) {
                    b.append("<td class=\"num\" title=\"").append(Html.escape(l.get().cap().reason())).append("\">")
                            .append(Scores.format(l.get().score())).append("*</td>");
                } else {
                    b.append("<td class=\"num\">").append(l.map(x -> Scores.format(x.score())).orElse("—")).append("</td>");
                }
            }
            b.append("<td class=\"note\">");
            if (!s.problem().isEmpty()) {
                b.append("<strong>not graded:</strong> ").append(Html.escape(s.problem())).append(' ');
            }
            r.ifPresent(res -> res.labs().stream().filter(x -> x.cap() != null).forEach(x -> b.append("<strong>")
                    .append(Html.escape(x.id())).append(":</strong> ").append(Html.escape(x.cap().reason())).append(". ")));
            b.append(Html.escape(s.student().note())).append("</td></tr>\n");
        }
        b.append("</table></div>\n<p class=\"muted\">Grey: the student has not started the lab "
                + "(missing or untouched starter files); —: not graded; *: capped, because a check that guards production "
                + "data or security did not pass (the note says which).</p>\n");
    }

    /** "01" of "01-sql-basics": the column header of a lab. */
    private static String labNumber(String folder) {
        int dash = folder.indexOf('-');
        return dash > 0 ? folder.substring(0, dash) : folder;
    }
}
