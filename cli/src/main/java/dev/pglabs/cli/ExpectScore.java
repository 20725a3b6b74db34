package dev.pglabs.cli;

import dev.pglabs.reports.JsonReport;
import dev.pglabs.results.SubmissionResult;

import java.nio.file.Path;

/**
 * A tiny CI helper: reads a JSON result and exits non-zero unless its score is the maximum ("full")
 * or zero ("zero"); with a third argument "hidden-counted", also unless it reports hidden checks left for the
 * instructor (a student's run). Lets .ci/run check what a user's command wrote without extra tools.
 */
public final class ExpectScore {
    private ExpectScore() {
    }

    public static void main(String[] args) throws Exception {
        SubmissionResult result = JsonReport.read(Path.of(args[0]));
        boolean ok = switch (args[1]) {
            case "full" -> result.max() > 0 && result.score() == result.max();
            case "zero" -> result.max() > 0 && result.score() == 0;
            default -> throw new IllegalArgumentException("expected 'full' or 'zero', got " + args[1]);
        };
        if (args.length > 2 && args[2].equals("hidden-counted")) {
            ok &= result.hiddenNotRun() != null && result.hiddenNotRun().checks() > 0;
            System.out.printf("%s: hidden checks not run: %s%n", args[0], result.hiddenNotRun());
        }
        System.out.printf("%s: score %s of %s (%s expected)%n", args[0], result.score(), result.max(), args[1]);
        System.exit(ok ? 0 : 1);
    }
}
