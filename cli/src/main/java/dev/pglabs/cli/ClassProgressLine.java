package dev.pglabs.cli;

import dev.pglabs.classroom.ClassProgress;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.results.Scores;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The progress of a class run on standard error: after each student, how many are done, that student's score,
 * the time so far and an estimate of the time left. On a terminal one line is rewritten in place; in CI logs each
 * student gets a line of its own.
 *
 * <p>The estimate leaves out everything up to the first finished student: that time holds the run's one-off work
 * (the lab templates, the shared compilation of the graders), and extrapolating from it overstated the time left
 * several times over. From then on students finish at the class's steady pace, with however many jobs.
 */
final class ClassProgressLine implements ClassProgress {

    private final PrintStream out;
    private final boolean rewrite;
    private long start;
    private long firstFinished;
    private int total;

    ClassProgressLine(PrintStream out, boolean rewrite) {
        this.out = out;
        this.rewrite = rewrite;
    }

    @Override
    public synchronized void started(int students, int jobs) {
        start = System.nanoTime();
        total = students;
    }

    @Override
    public synchronized void studentFinished(StudentResult result, int done, int total) {
        long now = System.nanoTime();
        long elapsed = (now - start) / 1_000_000;
        if (firstFinished == 0) {
            firstFinished = now;
        }
        String left = estimateLeft((now - firstFinished) / 1_000_000, done, total).stream()
                .mapToObj(ClassProgressLine::clock).findFirst().orElse("?");
        String score = result.result().map(r -> Scores.format(r.score()) + "/" + Scores.format(r.max()))
                .orElse("not graded");
        String width = Integer.toString(Integer.toString(total).length());
        String line = String.format(Locale.ROOT, "[%" + width + "d/%d] %3d%%  elapsed %s  left ~%s  %s: %s",
                done, total, 100 * done / Math.max(1, total), clock(elapsed), left,
                Terminal.safe(shorten(result.name())), score);
        if (rewrite) {
            out.print("\r\u001b[K" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    synchronized void done(ClassResult result) {
        if (rewrite) {
            out.println();
        }
        out.printf(Locale.ROOT, "Graded %d students in %s.%n", result.students().size(), clock(result.durationMs()));
    }

    /**
     * The time left when {@code done} of {@code total} students are done and {@code sinceFirstMs} passed since the
     * first of them finished: the pace of the students after the first, times the students left. Unknown (empty)
     * until a second student finished, zero when all are done.
     */
    static OptionalLong estimateLeft(long sinceFirstMs, int done, int total) {
        if (done >= total) {
            return OptionalLong.of(0);
        }
        if (done < 2) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sinceFirstMs * (total - done) / (done - 1));
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 39) + "…";
    }

    static String clock(long ms) {
        long s = Math.round(ms / 1000.0);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
