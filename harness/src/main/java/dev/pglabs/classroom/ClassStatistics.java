package dev.pglabs.classroom;

import dev.pglabs.grading.CheckVariant;
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
 * The numbers of a class run that the overview and summaries show: the score distribution, and per check and per
 * exercise how many students passed it, so the instructor sees which exercise the class struggles with. Check and
 * exercise counts leave out the students who had not started the lab: an untried lab says nothing about how hard
 * its exercises are. An exercise is a check with its hidden twin (same id but for {@link CheckVariant#exerciseOf}).
 */
public final class ClassStatistics {

    /**
     * How a check went across the class. {@code graded} counts the students who attempted its lab; {@code notStarted}
     * those who had not started it (in no other count).
     */
    public record CheckStats(String lab, String id, String title, Visibility visibility, double max,
                             int passed, int failed, int errors, int timeouts, int graded, int notStarted) {
        public double passRate() {
            return graded == 0 ? 0 : (double) passed / graded;
        }
    }

    /**
     * One exercise across the students who attempted its lab: its visible check and its hidden twin (either may be
     * null: an exercise with no hidden twin, a hidden check of its own). {@code solved} counts the students who
     * passed every variant; {@code visibleOnly} those who passed the visible check and failed the hidden one —
     * often an answer fitted to the visible data.
     */
    public record ExerciseStats(String lab, String id, String title, double max, CheckStats visible, CheckStats hidden,
                                int solved, int attempted, int visibleOnly) {
        public double solvedRate() {
            return attempted == 0 ? 0 : (double) solved / attempted;
        }
    }

    /** A student whose answers to these exercises of a lab passed the visible check and failed the hidden twin. */
    public record VisibleOnly(String student, String lab, List<String> exercises) {
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
                int tried = lab.notStarted() ? 0 : 1;
                for (CheckResult c : lab.checks()) {
                    String key = lab.id() + "\u0000" + c.id();
                    CheckStats s = byKey.getOrDefault(key,
                            new CheckStats(lab.id(), c.id(), c.title(), c.visibility(), c.max(), 0, 0, 0, 0, 0, 0));
                    byKey.put(key, new CheckStats(s.lab(), s.id(), s.title(), s.visibility(), Math.max(s.max(), c.max()),
                            s.passed() + tried * (c.status() == CheckStatus.PASSED ? 1 : 0),
                            s.failed() + tried * (c.status() == CheckStatus.FAILED ? 1 : 0),
                            s.errors() + tried * (c.status() == CheckStatus.ERROR ? 1 : 0),
                            s.timeouts() + tried * (c.status() == CheckStatus.TIMEOUT ? 1 : 0),
                            s.graded() + tried, s.notStarted() + 1 - tried));
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    /** The checks fewest of the students who tried them passed (lowest pass rate first; ties in grader order). */
    public List<CheckStats> hardest(int limit) {
        return checks().stream().filter(c -> c.graded() > 0 && c.passRate() < 1)
                .sorted(Comparator.comparingDouble(CheckStats::passRate)).limit(limit).toList();
    }

    /** Every exercise, in grader order (of its visible check): each check with its hidden twin on one row. */
    public List<ExerciseStats> exercises() {
        Map<String, CheckStats[]> variants = new LinkedHashMap<>();
        for (CheckStats c : checks()) {
            CheckStats[] pair = variants.computeIfAbsent(c.lab() + "\u0000" + CheckVariant.exerciseOf(c.id()),
                    k -> new CheckStats[2]);
            pair[c.visibility() == Visibility.HIDDEN ? 1 : 0] = c;
        }
        Map<String, int[]> counts = new LinkedHashMap<>();  // solved, attempted, visible only
        for (SubmissionResult r : graded) {
            for (LabResult lab : r.labs()) {
                if (lab.notStarted()) {
                    continue;
                }
                byExercise(lab).forEach((exercise, checks) -> {
                    int[] n = counts.computeIfAbsent(lab.id() + "\u0000" + exercise, k -> new int[3]);
                    n[0] += checks.stream().allMatch(c -> c.status() == CheckStatus.PASSED) ? 1 : 0;
                    n[1]++;
                    n[2] += visibleOnly(checks) ? 1 : 0;
                });
            }
        }
        List<ExerciseStats> exercises = new ArrayList<>();
        variants.forEach((key, pair) -> {
            CheckStats any = pair[0] != null ? pair[0] : pair[1];
            int[] n = counts.getOrDefault(key, new int[3]);
            exercises.add(new ExerciseStats(any.lab(), CheckVariant.exerciseOf(any.id()), any.title(),
                    (pair[0] == null ? 0 : pair[0].max()) + (pair[1] == null ? 0 : pair[1].max()),
                    pair[0], pair[1], n[0], n[1], n[2]));
        });
        return exercises;
    }

    /** The exercises fewest of the students who tried them solved (every variant passed); ties in grader order. */
    public List<ExerciseStats> hardestExercises(int limit) {
        return exercises().stream().filter(e -> e.attempted() > 0 && e.solvedRate() < 1)
                .sorted(Comparator.comparingDouble(ExerciseStats::solvedRate)).limit(limit).toList();
    }

    /** Per student and lab, the exercises whose visible check passed and hidden twin failed (in name order). */
    public List<VisibleOnly> visibleOnly() {
        List<VisibleOnly> found = new ArrayList<>();
        for (StudentResult s : result.students()) {
            for (LabResult lab : s.result().map(SubmissionResult::labs).orElse(List.of())) {
                List<String> exercises = byExercise(lab).entrySet().stream().filter(e -> visibleOnly(e.getValue()))
                        .map(Map.Entry::getKey).toList();
                if (!lab.notStarted() && !exercises.isEmpty()) {
                    found.add(new VisibleOnly(s.name(), lab.id(), exercises));
                }
            }
        }
        return found;
    }

    private static Map<String, List<CheckResult>> byExercise(LabResult lab) {
        Map<String, List<CheckResult>> exercises = new LinkedHashMap<>();
        for (CheckResult c : lab.checks()) {
            exercises.computeIfAbsent(CheckVariant.exerciseOf(c.id()), k -> new ArrayList<>()).add(c);
        }
        return exercises;
    }

    private static boolean visibleOnly(List<CheckResult> variants) {
        return variants.stream().anyMatch(c -> c.visibility() == Visibility.VISIBLE && c.status() == CheckStatus.PASSED)
                && variants.stream().anyMatch(c -> c.visibility() == Visibility.HIDDEN && c.status() != CheckStatus.PASSED);
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
