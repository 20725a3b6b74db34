package dev.pglabs.mutation;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.submission.Submission;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Grades each mutant of a lab's reference answers ({@code solutions/}) with the lab's own checks, visible and
 * hidden, on their own datasets: a mutant the checks give full marks "survives" — no data of the check tells
 * that mistake from the right answer.
 *
 * <p>Which checks read which file is measured, not assumed: each file is first handed in empty, and the checks
 * that then fail are the ones its mutants must fail. A file whose parser rewrite no longer passes those checks is
 * reported as not analysable instead of producing mutants that die for the parser's sake.
 */
public final class MutationAnalysis {

    private final GradingSession session;
    private final Lab lab;
    private final Path solution;
    private final Consumer<String> progress;

    public MutationAnalysis(GradingSession session, Lab lab, Consumer<String> progress) {
        this.session = session;
        this.lab = lab;
        this.solution = session.course().solutionsDir().resolve(lab.folder());
        this.progress = progress;
    }

    /** Analyses the lab's SQL files, or only those whose checks include {@code checkId}. */
    public MutationReport run(Optional<String> checkId) throws IOException {
        List<Path> files = sqlFiles();
        if (checkId.isPresent()) {
            List<Path> named = files.stream().filter(f -> stem(f).equals(checkId.get())).toList();
            files = named.isEmpty() ? files : named;
        }
        Equivalents equivalents = Equivalents.of(lab);
        List<MutationReport.FileReport> reports = new ArrayList<>();
        Path scratch = ScratchFolders.create("pglabs-mutants-");
        try {
            // One copy of the solution; each run rewrites only the file under analysis.
            ScratchFolders.copyTree(solution, scratch.resolve("submission").resolve(lab.folder()));
            for (Path file : files) {
                MutationReport.FileReport report = analyse(file, scratch, equivalents);
                if (checkId.isEmpty() || report.checks().stream().map(MutationAnalysis::baseId).anyMatch(checkId.get()::equals)) {
                    reports.add(report);
                }
            }
        } finally {
            ScratchFolders.deleteTree(scratch);
        }
        return new MutationReport(lab.id(), lab.folder(), reports);
    }

    private MutationReport.FileReport analyse(Path file, Path scratch, Equivalents equivalents) throws IOException {
        String name = file.getFileName().toString();
        String reference = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return analyse(file, name, reference, scratch, equivalents);
        } finally {
            // The next file's mutants run against the full solution again.
            Files.writeString(scratch.resolve("submission").resolve(lab.folder()).resolve(name), reference,
                    StandardCharsets.UTF_8);
        }
    }

    private MutationReport.FileReport analyse(Path file, String name, String reference, Path scratch,
                                              Equivalents equivalents) throws IOException {
        progress.accept(name + ": finding the checks that read it");
        Set<String> checks = failingChecks(scratch, name, "-- handed in empty to find the checks that read it\n",
                Set.of());
        if (checks.isEmpty()) {
            return MutationReport.FileReport.notAnalysed(name, "no check fails when this file is empty");
        }
        if (!failingChecks(scratch, name, SqlMutants.roundTrip(reference), checks).isEmpty()) {
            return MutationReport.FileReport.notAnalysed(name, "the SQL parser's rewrite of the reference does not "
                    + "pass its checks (a construct it does not write back faithfully)");
        }
        SqlMutants.Result generated = SqlMutants.of(reference);
        List<MutationReport.Outcome> outcomes = new ArrayList<>();
        int n = 0;
        for (Mutant mutant : generated.mutants()) {
            progress.accept(name + ": mutant " + (++n) + " of " + generated.mutants().size());
            Set<String> killedBy = failingChecks(scratch, name, mutant.file(), checks);
            Optional<String> equivalent = killedBy.isEmpty()
                    ? equivalents.reasonFor(stem(file), mutant.change()) : Optional.empty();
            outcomes.add(new MutationReport.Outcome(mutant, List.copyOf(killedBy), equivalent.orElse(null)));
        }
        return new MutationReport.FileReport(name, List.copyOf(checks), generated.unparsed(), outcomes, null);
    }

    /**
     * The checks among {@code only} (all of the lab's when empty) that do not pass when the lab is the reference
     * solution with {@code fileName} replaced by {@code text}.
     */
    private Set<String> failingChecks(Path scratch, String fileName, String text, Set<String> only) throws IOException {
        Path root = scratch.resolve("submission");
        Files.writeString(root.resolve(lab.folder()).resolve(fileName), text, StandardCharsets.UTF_8);
        GradingRunner runner = new GradingRunner(CheckScope.ALL);
        if (!only.isEmpty()) {
            // A method's results are its id and, with hiddenOn, its id + ":hidden"; a hidden grader's method
            // already carries ":hidden" in its id.
            runner.onlyChecks(method -> only.contains(baseId(method)) || only.contains(baseId(method) + ":hidden"));
        }
        LabResult result = runner.grade(session.forSubmission(new Submission(root)), List.of(lab),
                GradingProgress.SILENT).labs().get(0);
        Set<String> failing = new TreeSet<>();
        for (CheckResult check : result.checks()) {
            if (check.status() != CheckStatus.PASSED || check.points() < check.max()) {
                failing.add(check.id());
            }
        }
        return failing;
    }

    private static String baseId(Method method) {
        Check check = method.getAnnotation(Check.class);
        return check == null ? "" : check.id().isEmpty() ? method.getName() : check.id();
    }

    private static String baseId(String resultId) {
        int colon = resultId.indexOf(':');
        return colon < 0 ? resultId : resultId.substring(0, colon);
    }

    private List<Path> sqlFiles() throws IOException {
        try (Stream<Path> files = Files.list(solution)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".sql".length());
    }
}
