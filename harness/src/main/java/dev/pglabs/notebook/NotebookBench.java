package dev.pglabs.notebook;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Numbers for the notebook, never pass/fail: time to the first cell's output, the latency of a simple SQL
 * and Java cell, and plain jshell's start-up on this machine for comparison.
 */
public final class NotebookBench {

    private NotebookBench() {
    }

    /**
     * @param open      opens the notebook session (server, lab database, connection): part of the first output
     * @param commandStartNanos when the command started ({@link System#nanoTime()})
     */
    public static void run(Supplier<NotebookSession> open, long commandStartNanos, int iterations, PrintStream out)
            throws IOException, InterruptedException {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (NotebookSession session = open.get()) {
            Cell first = session.notebook().cells().stream().filter(c -> !c.skipped()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The notebook has no cell to run."));
            // What the interactive mode shows first: the prose before cell 1, rendered (parser and layout warm-up
            // included, as a reader pays it).
            long r0 = System.nanoTime();
            String prose = new MarkdownRenderer(80, true).render(session.notebook().proseBefore(first));
            out.printf("prose before the first cell rendered (%d lines): %.0f ms after the command started "
                    + "(rendering %.1f ms)%n", prose.lines().count(), ms(commandStartNanos), ms(r0));
            session.run(first);
            double sinceCommand = ms(commandStartNanos);
            double sinceJvm = System.currentTimeMillis() - jvmStartMs;
            out.printf("first cell output (cell %d, %s): %.0f ms after the JVM started, %.0f ms after the command "
                    + "started%n", first.number(), first.kind(), sinceJvm, sinceCommand);

            double[] sql = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                session.runTyped(Cell.Language.SQL, "SELECT 1 AS one;");
                sql[i] = ms(t0);
            }
            report(out, "SQL cell 'SELECT 1 AS one;'", sql);

            long t0 = System.nanoTime();
            session.awaitJava();
            session.runTyped(Cell.Language.JAVA, "1 + 1");
            out.printf("%-44s %8.0f ms (JShell start in the background included)%n", "first Java cell", ms(t0));
            double[] java = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t1 = System.nanoTime();
                session.runTyped(Cell.Language.JAVA, "int v" + i + " = " + i + " + 1;");
                java[i] = ms(t1);
            }
            report(out, "Java cell 'int vN = N + 1;'", java);
            double[] helper = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t1 = System.nanoTime();
                session.runTyped(Cell.Language.JAVA, "sql(\"SELECT " + i + " AS n\");");
                helper[i] = ms(t1);
            }
            report(out, "Java cell 'sql(\"SELECT N AS n\");'", helper);
        }
        double[] plain = plainJshell(3);
        if (plain.length > 0) {
            report(out, "plain jshell start-up, trivial script (process)", plain);
        }
    }

    /** Wall time of the jshell binary next to this JVM's java running a one-line script. */
    private static double[] plainJshell(int runs) throws IOException, InterruptedException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        if (!Files.isExecutable(jshell)) {
            return new double[0];
        }
        Path script = Files.createTempFile("pglabs-bench-", ".jsh");
        Files.writeString(script, "System.out.println(1 + 1);\n/exit\n", StandardCharsets.UTF_8);
        double[] times = new double[runs];
        try {
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(jshell.toString(), "-q", script.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
                times[i] = ms(t0);
            }
        } finally {
            Files.deleteIfExists(script);
        }
        return times;
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void report(PrintStream out, String what, double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        out.printf("%-44s median %7.1f ms   p90 %7.1f ms   min %7.1f ms   (n=%d)%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))], sorted[0], sorted.length);
    }
}
