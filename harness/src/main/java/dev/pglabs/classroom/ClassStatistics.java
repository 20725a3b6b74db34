package dev.pglabs.classroom;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a class run that the overview and summaries show: the score distribution, and per check how
 * many students passed it, so the instructor sees which exercise the class struggles with.
 */
public final class ClassStatistics {

    /** How a check went across the class. {@code graded} counts the students it ran for. */
    public record CheckStats(String lab, String id, String title, Visibility visibility, double max,
                             int passed, int failed, int errors, int timeouts, int graded) {
        public double passRate() {
            return graded == 0 ? 0 : (double) passed / graded;
        }
    }

    /** Points of one lab across the class. */
    public record LabStats(String id, String title, double max, double mean, double median) {
    }

    /** Students whose total (as a percentage of the maximum) falls in [from, to); the last bucket includes 100. */
    public record Bucket(int from, int to, int students) {
        public String label() {
            return to == 100 ? from + "–100 %" : from + "–" + (to - 1) + " %";
        }
    }

    private final ClassResult result;
    private final List<SubmissionResult> graded;

    public ClassStatistics(ClassResult result) {
        this.result = result;
        this.graded = result.students().stream().flatMap(s -> s.result().stream()).toList();
    }

    public int gradedCount() {
        return graded.size();
    }

    /** The maximum total over the graded labs (0 when nobody could be graded). */
    public double max() {
        return graded.stream().mapToDouble(SubmissionResult::max).max().orElse(0);
    }

    public double mean() {
        return Scores.round(graded.stream().mapToDouble(SubmissionResult::score).average().orElse(0));
    }

    public double median() {
        return median(graded.stream().mapToDouble(SubmissionResult::score).toArray());
    }

    public double min() {
        return graded.stream().mapToDouble(SubmissionResult::score).min().orElse(0);
    }

    public double highest() {
        return graded.stream().mapToDouble(SubmissionResult::score).max().orElse(0);
    }

    /** Ten buckets of ten percent each. */
    public List<Bucket> distribution() {
        int[] counts = new int[10];
        for (SubmissionResult r : graded) {
            double percent = r.max() == 0 ? 0 : 100.0 * r.score() / r.max();
            counts[Math.min(9, (int) Math.floor(percent / 10))]++;
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buckets.add(new Bucket(i * 10, (i + 1) * 10, counts[i]));
        }
        return buckets;
    }

    public List<LabStats> labs() {
        List<LabStats> labs = new ArrayList<>();
        for (var lab : result.labs()) {
            double[] scores = graded.stream().flatMap(r -> r.labs().stream())
                    .filter(l -> l.id().equals(lab.folder())).mapToDouble(LabResult::score).toArray();
            double max = graded.stream().flatMap(r -> r.labs().stream()).filter(l -> l.id().equals(lab.folder()))
                    .mapToDouble(LabResult::max).max().orElse(0);
            labs.add(new LabStats(lab.folder(), lab.title(), max,
                    Scores.round(Arrays.stream(scores).average().orElse(0)), median(scores)));
        }
        return labs;
    }

    /** Every check, in grader order. */
    public List<CheckStats> checks() {
        Map<String, CheckStats> byKey = new LinkedHashMap<>();
        for (SubmissionResult r : graded) {
            for (LabResult lab : r.labs()) {
                for (CheckResult c : lab.checks()) {
                    String key = lab.id() + "\u0000" + c.id();
                    CheckStats s = byKey.getOrDefault(key,
                            new CheckStats(lab.id(), c.id(), c.title(), c.visibility(), c.max(), 0, 0, 0, 0, 0));
                    byKey.put(key, new CheckStats(s.lab(), s.id(), s.title(), s.visibility(), Math.max(s.max(), c.max()),
                            s.passed() + (c.status() == CheckStatus.PASSED ? 1 : 0),
                            s.failed() + (c.status() == CheckStatus.FAILED ? 1 : 0),
                            s.errors() + (c.status() == CheckStatus.ERROR ? 1 : 0),
                            s.timeouts() + (c.status() == CheckStatus.TIMEOUT ? 1 : 0),
                            s.graded() + 1));
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    /** The checks fewest students passed (lowest pass rate first; ties in grader order). */
    public List<CheckStats> hardest(int limit) {
        return checks().stream().filter(c -> c.passRate() < 1)
                .sorted(Comparator.comparingDouble(CheckStats::passRate)).limit(limit).toList();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return Scores.round(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }
}
