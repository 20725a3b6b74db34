package dev.pglabs.notebook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The non-interactive modes. {@code --run} executes every cell and records the outputs in the README;
 * {@code --check} (CI) executes every cell and compares with the recorded outputs.
 */
public final class BatchModes {

    private BatchModes() {
    }

    /** What --check found: one entry per cell that does not match, already formatted for the console. */
    public record CheckReport(List<String> failures, int cellsRun) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** Runs every cell and writes their outputs back; returns the results (unexpected errors are reported). */
    public static List<CellResult> run(NotebookSession session, PrintStream out) {
        Notebook notebook = session.notebook();
        List<CellResult> results = session.runAll();
        Map<Integer, String> outputs = new LinkedHashMap<>();
        int problems = 0;
        for (CellResult r : results) {
            if (r.status() == CellResult.Status.SKIPPED) {
                continue;
            }
            outputs.put(r.cell().number(), r.output());
            if (!r.asExpected()) {
                problems++;
                r.describe(notebook).forEach(line -> out.println("✗ " + line));
            }
        }
        boolean changed = NotebookWriter.write(notebook, outputs);
        out.printf("%s: %d cells run, %d with problems; outputs %s.%n", notebook.displayName(), outputs.size(),
                problems, changed ? "written" : "unchanged");
        return results;
    }

    /** Runs every cell and compares with the README; the report names each cell that differs. */
    public static CheckReport check(NotebookSession session) {
        Notebook notebook = session.notebook();
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (CellResult r : session.runAll()) {
            Cell cell = r.cell();
            if (r.status() == CellResult.Status.SKIPPED) {
                continue;
            }
            run++;
            String where = notebook.at(cell.fenceLine()) + " (cell " + cell.number() + ", " + cell.kind() + ")";
            if (!r.asExpected()) {
                failures.add(where + ": " + (r.status() == CellResult.Status.TIMEOUT ? "timed out" : "unexpected result")
                        + "\n  " + String.join("\n  ", r.describe(notebook)));
            }
            if (cell.output().isEmpty()) {
                if (!r.output().isEmpty()) {
                    failures.add(where + ": no recorded output; record it with ./pglabs notebook --run");
                }
                continue;
            }
            String recorded = CellResult.normalize(cell.output().get().text());
            if (!recorded.equals(r.output())) {
                failures.add(where + ": output differs from the one recorded at line " + cell.output().get().line()
                        + "\n--- " + notebook.at(cell.output().get().line()) + " (recorded)\n+++ this run\n"
                        + UnifiedDiff.diff(recorded, r.output()).stripTrailing());
            }
        }
        return new CheckReport(failures, run);
    }

    /** Prints a check report; returns the exit status (0 clean, 1 otherwise). */
    public static int print(Notebook notebook, CheckReport report, PrintStream out) {
        for (String failure : report.failures()) {
            out.println("✗ " + failure);
            out.println();
        }
        out.printf("%s: %d cells run, %s.%n", notebook.displayName(), report.cellsRun(),
                report.passed() ? "all match their recorded output" : report.failures().size() + " problem(s)");
        return report.passed() ? 0 : 1;
    }
}
