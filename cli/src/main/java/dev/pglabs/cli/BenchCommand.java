package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.DatabaseServer;
import dev.pglabs.provisioning.Dataset;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.results.LabResult;
import dev.pglabs.submission.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code pglabs bench}: measures the performance targets (docs/benchmarks.md) against baselines in the same run.
 * Numbers, never pass/fail: the results are written down in docs/benchmarks.md.
 */
@Command(name = "bench", description = "Measure check-database hand-out and grading time against baselines.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--iterations", defaultValue = "50", description = "Databases per measurement. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--cluster-starts", defaultValue = "3", description = "New embedded clusters for the baseline. Default: ${DEFAULT-VALUE}.")
    int clusterStarts;

    @Option(names = "--watch-only", description = "Measure only what 'pglabs watch' takes to re-grade after a save.")
    boolean watchOnly;

    @Option(names = "--watch-saves", defaultValue = "10", description = "Saves per watch measurement. Default: ${DEFAULT-VALUE}.")
    int watchSaves;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        watchRegrade(course);
        if (watchOnly) {
            return 0;
        }
        Lab lab = course.labs().get(0);
        Dataset dataset = course.dataset(lab, "default");

        System.out.println("pglabs bench — " + lab.folder() + " dataset, " + iterations + " iterations");
        long coldStart = System.nanoTime();
        DatabaseServer server = provisioning(Map.of("PGLABS_TEMPLATE_CACHE", "off")).startFresh(
                database.provider().orElse(ProviderKind.EMBEDDED));
        double serverStartMs = ms(coldStart);
        try (DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
            System.out.printf("server: %s (PostgreSQL %s), started in %.0f ms%n", server.description(),
                    farm.serverVersion(), serverStartMs);
            String template = farm.template(dataset);

            // What a check pays: clone + role + grants, and a first student connection; the drop is async.
            double[] handOut = new double[iterations];
            double[] firstQuery = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                try (CheckDatabase db = farm.create(dataset)) {
                    handOut[i] = ms(t0);
                    db.student().query("SELECT 1", "bench");
                    firstQuery[i] = ms(t0);
                }
            }
            report("check database (" + farm.cloneStrategy() + " clone + sandbox role, pooled)", handOut);
            report("  … plus the student's first connection and query", firstQuery);

            // Baselines on the same server: each clone strategy alone, unpooled (drops not timed).
            ConnectionTarget admin = server.admin();
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.properties());
                 Statement st = c.createStatement()) {
                for (String strategy : List.of("FILE_COPY", "WAL_LOG")) {
                    double[] clone = new double[iterations];
                    for (int i = 0; i < iterations; i++) {
                        String name = "pglabs_bench_" + strategy.toLowerCase() + i;
                        long t0 = System.nanoTime();
                        st.execute("CREATE DATABASE " + name + " TEMPLATE " + template + " STRATEGY " + strategy);
                        clone[i] = ms(t0);
                        st.execute("DROP DATABASE " + name);
                    }
                    report("baseline: a bare " + strategy + " clone, unpooled", clone);
                }
            }
        } finally {
            server.close();
        }

        double[] clusters = new double[clusterStarts];
        for (int i = 0; i < clusterStarts; i++) {
            long t0 = System.nanoTime();
            try (DatabaseServer fresh = provisioning(Map.of("PGLABS_TEMPLATE_CACHE", "off"))
                    .startFresh(ProviderKind.EMBEDDED)) {
                clusters[i] = ms(t0);
            }
        }
        report("baseline: a new embedded cluster per check", clusters);

        // Every lab, cold: server start, template builds, every check, cleanup. The baseline grades the labs one
        // by one, so each template is built when its lab starts; one run over all labs builds the later labs'
        // templates (lab 05's million rows) in the background while the first labs are graded. Then the same with
        // the template cache: the first run of a machine builds and keeps the templates, later runs start on them.
        Provisioning noCache = provisioning(Map.of("PGLABS_TEMPLATE_CACHE", "off"));
        double oneByOne = wholeRun(course, true, noCache);
        System.out.printf("baseline: all labs, one lab at a time (templates built on demand), cold: %.0f ms%n", oneByOne);
        double together = wholeRun(course, false, noCache);
        System.out.printf("all labs of the reference solutions as one run (two labs at a time), cold start, no "
                + "template cache: %.0f ms (%.2fx the baseline)%n", together, together / oneByOne);
        Path cacheDir = Files.createTempDirectory("pglabs-bench-cache-");
        try {
            Provisioning cached = provisioning(Map.of("PGLABS_CACHE_DIR", cacheDir.toString()));
            double first = wholeRun(course, false, cached);
            System.out.printf("  … first run with an empty template cache (builds and keeps them): %.0f ms (%.2fx)%n",
                    first, first / oneByOne);
            double warm = wholeRun(course, false, cached);
            System.out.printf("  … a later cold run, templates from the cache: %.0f ms (%.2fx)%n", warm,
                    warm / oneByOne);
        } finally {
            try (Stream<Path> walk = Files.walk(cacheDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** How long a learner edits between two saves of a Java source, in the watch benchmark. */
    static final int EDITING_MS = 2000;

    /**
     * What {@code pglabs watch} takes from a save to its redraw, on a session kept open as watch keeps it (server,
     * templates and JVM warm, the first grading not timed): lab 01 (SQL, a save grades its exercise first), and lab 08
     * (Java: its sources carry no exercise number, so a save grades the learner's exercise first, then the rest).
     */
    private void watchRegrade(Course course) throws InterruptedException {
        System.out.println("watch re-grade, reference solutions, " + watchSaves + " saves each, after "
                + WatchCommand.SETTLE_MS + " ms of quiet (an editor's burst of writes):");
        try (GradingSession session = GradingSession.open(course, new Submission(course.solutionsDir()),
                Optional.of(ProviderKind.EMBEDDED), provisioning(Map.of()))) {
            WatchGrading grading = new WatchGrading(session.keepBetweenGradings());
            Lab sql = course.lab("01");
            LabResult before = grading.all(sql);
            double[] exercise = new double[watchSaves];
            double[] rest = new double[watchSaves];
            double[] whole = new double[watchSaves];
            for (int i = 0; i < watchSaves; i++) {
                long t0 = System.nanoTime();
                LabResult first = grading.only(sql, before, "03"::equals);
                exercise[i] = ms(t0);
                long t1 = System.nanoTime();
                grading.allBut(sql, first, Set.of("03"));
                rest[i] = ms(t1);
                long t2 = System.nanoTime();
                grading.all(sql);
                whole[i] = ms(t2);
            }
            report("lab 01: the saved exercise's checks (what the redraw waits for)", exercise);
            report("lab 01: then the lab's other checks", rest);
            report("lab 01: the whole lab at once", whole);
            Lab java = course.lab("08");
            LabResult javaBefore = grading.all(java);
            int javaSaves = Math.min(watchSaves, 3);
            double[] javaLab = new double[javaSaves];
            for (int i = 0; i < javaSaves; i++) {
                long t0 = System.nanoTime();
                grading.all(java);
                javaLab[i] = ms(t0);
            }
            // A Java source carries no exercise number: a save grades the exercise the learner is on first (the
            // first one not passed; here 05, and 08, whose check wants a worker no other check touched), then the
            // rest. Saves come after EDITING_MS of editing, while which the next worker starts ahead (the whole-lab
            // saves above come back to back: the worst case).
            for (String current : List.of("05", "08")) {
                double[] javaFirst = new double[javaSaves];
                double[] javaRest = new double[javaSaves];
                for (int i = 0; i < javaSaves; i++) {
                    Thread.sleep(EDITING_MS);
                    long t0 = System.nanoTime();
                    LabResult first = grading.only(java, javaBefore, current::equals);
                    javaFirst[i] = ms(t0);
                    long t1 = System.nanoTime();
                    grading.allBut(java, first, Set.of(current));
                    javaRest[i] = ms(t1);
                }
                report("lab 08, on exercise " + current + ", " + EDITING_MS + " ms after the last grading: its checks "
                        + "(the redraw)", javaFirst);
                report("lab 08, on exercise " + current + ": then the lab's other checks", javaRest);
            }
            report("lab 08: the whole lab (compile, worker, checks)", javaLab);
        }
    }

    /** This process's environment with some variables replaced, and always the embedded server. */
    private static Provisioning provisioning(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove(Provisioning.DATABASE_URL);
        environment.putAll(overrides);
        return new Provisioning(environment);
    }

    private static double wholeRun(Course course, boolean labByLab, Provisioning provisioning) {
        long t0 = System.nanoTime();
        try (GradingSession session = GradingSession.open(course, new Submission(course.solutionsDir()),
                Optional.of(ProviderKind.EMBEDDED), provisioning)) {
            GradingRunner runner = new GradingRunner().labsAtOnce(labByLab ? 1 : GradingRunner.defaultParallelism());
            if (labByLab) {
                course.labs().forEach(lab -> runner.grade(session, List.of(lab), GradingProgress.SILENT));
            } else {
                runner.grade(session, course.labs(), GradingProgress.SILENT);
            }
        }
        return ms(t0);
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void report(String what, double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        System.out.printf("%-58s median %7.1f ms   p90 %7.1f ms   min %7.1f ms%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))],
                sorted[0]);
    }
}
