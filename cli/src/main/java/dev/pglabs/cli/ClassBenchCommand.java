package dev.pglabs.cli;

import dev.pglabs.classroom.ClassGrading;
import dev.pglabs.classroom.ClassProgress;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.Scores;
import dev.pglabs.scenarios.Scenario;
import dev.pglabs.scenarios.ScenarioFile;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code pglabs bench-class}: class grading throughput (the target: 100 submissions × all labs ≤ 5 min on
 * 2 cores) against the usual CI way, a fresh JVM (and database server) per submission, in the same run.
 * Numbers, never pass/fail: the results are written down in docs/benchmarks.md.
 */
@Command(name = "bench-class", description = "Measure class grading throughput against a fresh JVM per submission.")
final class ClassBenchCommand implements Callable<Integer> {

    @Option(names = "--students", defaultValue = "20", description = "Generated submissions. Default: ${DEFAULT-VALUE}.")
    int students;

    @Option(names = "--labs", split = ",", paramLabel = "LAB", description = "Labs to grade (default: all).")
    List<String> labs = List.of();

    @Option(names = "--jobs", split = ",", description = "Job counts to measure. Default: 1 and grade-class's default "
            + "(one more than the processors).")
    List<Integer> jobs;

    @Option(names = "--baseline", defaultValue = "3",
            description = "Submissions graded by a fresh JVM each, for the baseline. Default: ${DEFAULT-VALUE}.")
    int baseline;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        List<Lab> selected = LabSelection.resolve(course, labs, spec);
        Path dir = Files.createTempDirectory("pglabs-bench-class");
        try {
            Path submissions = generate(course, selected, Files.createDirectories(dir.resolve("class")));
            ClassRoster roster = ClassRoster.scan(submissions, course);
            System.out.printf(Locale.ROOT, "pglabs bench-class — %d generated submissions, labs %s, %d cores%n",
                    roster.students().size(), String.join(" ", selected.stream().map(Lab::id).toList()),
                    Runtime.getRuntime().availableProcessors());

            long t0 = System.nanoTime();
            try (GradingSession session = GradingSession.open(course, new Submission(submissions), database.provider())) {
                double startMs = ms(t0);
                long t1 = System.nanoTime();
                new GradingRunner().grade(session.forSubmission(new Submission(roster.students().get(0).labs())),
                        selected, GradingProgress.SILENT);
                double firstMs = ms(t1);
                System.out.printf(Locale.ROOT, "server start (%s): %.1f s; first submission, templates built: %.1f s%n",
                        session.farm().server().kind().label(), startMs / 1000, firstMs / 1000);
                for (int n : jobs != null ? jobs : List.of(1, GradingRunner.defaultParallelism())) {
                    long t2 = System.nanoTime();
                    ClassResult result = new ClassGrading(session, selected, n).grade(roster.students(), ClassProgress.SILENT);
                    double total = ms(t2);
                    double per = total / roster.students().size();
                    System.out.printf(Locale.ROOT, "one process, --jobs %d: %.1f s for %d submissions = %.2f s each "
                                    + "→ 100 submissions ≈ %.1f min (mean score %s)%n", n, total / 1000,
                            roster.students().size(), per / 1000, (startMs + firstMs + 100 * per) / 60_000,
                            Scores.format(result.students().stream().flatMap(s -> s.result().stream())
                                    .mapToDouble(r -> r.score()).average().orElse(0)));
                    printTimePerLab(result);
                }
            }

            if (baseline > 0) {
                List<Double> fresh = new ArrayList<>();
                for (int i = 0; i < Math.min(baseline, roster.students().size()); i++) {
                    fresh.add(freshJvm(course, selected, roster.students().get(i).labs(), dir.resolve("r" + i + ".json")));
                }
                double per = fresh.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                System.out.printf(Locale.ROOT, "baseline, a fresh JVM + %s server per submission: %s s each "
                                + "→ 100 submissions ≈ %.1f min%n", provider().label(),
                        String.join(", ", fresh.stream().map(v -> String.format(Locale.ROOT, "%.1f", v / 1000)).toList()),
                        100 * per / 60_000);
            }
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    /**
     * Where the time went: each lab's checks' wall times, summed over the class. With several jobs the sums overlap
     * in time, so they add up to more than the run; the shares are what compares.
     */
    private static void printTimePerLab(ClassResult result) {
        Map<String, Long> perLab = new LinkedHashMap<>();
        result.labs().forEach(lab -> perLab.put(lab.folder(), 0L));
        result.students().stream().flatMap(s -> s.result().stream()).flatMap(r -> r.labs().stream())
                .forEach(lab -> perLab.merge(lab.id(), lab.checks().stream().mapToLong(CheckResult::durationMs).sum(),
                        Long::sum));
        long total = Math.max(1, perLab.values().stream().mapToLong(Long::longValue).sum());
        System.out.println("  time in checks per lab, summed over the class: " + String.join(", ", perLab.entrySet()
                .stream().map(e -> String.format(Locale.ROOT, "%s %.1f s (%d %%)", e.getKey().substring(0, 2),
                        e.getValue() / 1000.0, Math.round(100.0 * e.getValue() / total))).toList()));
    }

    private ProviderKind provider() {
        return database.provider().orElse(ProviderKind.EMBEDDED);
    }

    /** Wall time of {@code pglabs grade} in a new JVM, as a CI job per submission would run it. */
    private double freshJvm(Course course, List<Lab> selected, Path submission, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The same JVM options as this run (the launcher's JIT setting above all), so that only the process differs.
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-Dpglabs.home=" + course.home(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "grade"));
        selected.forEach(lab -> command.add(lab.id()));
        command.addAll(List.of("--submission", submission.toString(), "--db", provider().label(),
                "--format", "json", "--out", out.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the baseline run did not finish in 30 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the baseline run failed (exit " + process.exitValue() + "): " + command);
        }
        return ms(t0);
    }

    /**
     * A class of {@code students} submissions: per lab, the reference solution, the untouched starter, or one of
     * the golden wrong answers of the graders' tests (when the repository has them), taken in turn.
     */
    private Path generate(Course course, List<Lab> selected, Path root) throws IOException {
        Path golden = course.home().resolve("graders/src/test/resources/golden");
        for (int s = 0; s < students; s++) {
            Path student = root.resolve(String.format(Locale.ROOT, "student-%03d", s + 1));
            for (int l = 0; l < selected.size(); l++) {
                Lab lab = selected.get(l);
                List<Path> variants = new ArrayList<>();
                variants.add(course.solutionsDir().resolve(lab.folder()));
                variants.add(course.labsDir().resolve(lab.folder()));
                Path scenarios = golden.resolve(lab.folder());
                if (Files.isDirectory(scenarios)) {
                    try (Stream<Path> list = Files.list(scenarios)) {
                        list.filter(p -> Files.isRegularFile(p.resolve(ScenarioFile.NAME))).sorted()
                                .forEach(variants::add);
                    }
                }
                Path source = variants.get((s + l) % variants.size());
                Path target = student.resolve(lab.folder());
                if (Files.isRegularFile(source.resolve(ScenarioFile.NAME))) {
                    // A golden scenario: its files laid over its base (format in golden/README.md).
                    Scenario.load(source, lab.folder()).materialise(course.home(), target);
                } else if (Files.isDirectory(source)) {
                    ScratchFolders.copyTree(source, target);
                }
            }
            Files.createDirectories(student);
        }
        return root;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
