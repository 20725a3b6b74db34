package dev.pglabs.results;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Hidden checks a run left out: a student's own {@code pglabs grade} runs only the visible checks, and says how
 * many hidden ones (and how many points) the instructor grades. Scores of such a run are out of the visible points.
 */
public record HiddenNotRun(int checks, double points) {

    public static HiddenNotRun sum(Stream<HiddenNotRun> parts) {
        return parts.filter(Objects::nonNull).reduce(null, (a, b) -> a == null ? b
                : new HiddenNotRun(a.checks() + b.checks(), Scores.round(a.points() + b.points())));
    }

    /** "3 hidden checks (5 points) are graded by your instructor". */
    public String sentence() {
        return checks + (checks == 1 ? " hidden check (" : " hidden checks (") + Scores.format(points)
                + (points == 1 ? " point) " : " points) ") + (checks == 1 ? "is" : "are") + " graded by your instructor";
    }
}
