package dev.pglabs.grading;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.LabHints;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.Visibility;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Listens to the JUnit Platform while graders run and records a {@link CheckResult} per check variant.
 * The variants are known from the annotations before anything runs, so every check gets a result, also
 * when its grader could not start (then: error, with why).
 */
final class ResultCollector implements TestExecutionListener {

    /** A check variant expected to run: {@code key} is the check method's unique id plus "#n". */
    private record Planned(Lab lab, CheckVariant variant, String title, Check check, String methodId) {
    }

    private final Course course;
    /** The lab whose graders run: every check of the launch is one of its. */
    private final Lab lab;
    private final GradingProgress progress;
    private final CheckScope scope;
    private final Map<String, Planned> planned = new LinkedHashMap<>();
    private final Map<String, CheckResult> finished = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    /** Keys of the variants that failed because there is no answer yet (see {@link CheckFailure#notAttempted()}). */
    private final Set<String> notAttempted = new HashSet<>();
    private final Map<String, LabHints> readmeHints = new HashMap<>();
    private TestPlan plan;

    ResultCollector(Course course, Lab lab, GradingProgress progress, CheckScope scope) {
        this.course = course;
        this.lab = lab;
        this.progress = progress;
        this.scope = scope;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                planVariants(id);
            }
        }
    }

    private void planVariants(TestIdentifier id) {
        if (id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource source)) {
            return;
        }
        Method method = source.getJavaMethod();
        Optional<Check> check = AnnotationSupport.findAnnotation(method, Check.class);
        if (check.isEmpty()) {
            return;
        }
        List<CheckVariant> variants = CheckVariants.of(method, check.get(), scope);
        for (int i = 0; i < variants.size(); i++) {
            CheckVariant v = variants.get(i);
            planned.put(id.getUniqueId() + "#" + (i + 1),
                    new Planned(lab, v, id.getDisplayName() + v.titleSuffix(), check.get(), id.getUniqueId()));
        }
    }

    /** The key of the variant an invocation runs: its parent is the check method, its last segment "#n". */
    private static String keyFor(TestIdentifier invocation) {
        List<UniqueId.Segment> segments = UniqueId.parse(invocation.getUniqueId()).getSegments();
        return invocation.getParentId().orElse("") + segments.get(segments.size() - 1).getValue();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        finishUnfinished(id, "The check was skipped: " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String key = keyFor(id);
        Planned p = id.isTest() ? planned.get(key) : null;
        if (p == null) {
            // A grader class or check method that failed before its checks ran: report why on each of them.
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                finishUnfinished(id, result.getThrowable().map(t -> OutcomeClassifier.classify(t, 0).feedback())
                        .orElse("The grader could not run."));
            }
            return;
        }
        double max = p.variant().points();
        CheckResult r;
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            r = result(p, id, max, CheckStatus.PASSED, "");
        } else {
            Throwable thrown = result.getThrowable().orElse(new AssertionError("The check was aborted."));
            OutcomeClassifier.Outcome o = OutcomeClassifier.classify(thrown, max);
            if (o.notAttempted()) {
                notAttempted.add(key);
            }
            String full = o.feedback() + hints(p, o, thrown);
            if (p.variant().visibility() == Visibility.HIDDEN) {
                // Students read a hidden check's feedback without its data; the instructor keeps the full text.
                String forStudent = HiddenFeedback.summary(o, thrown, max) + hints(p, o, thrown) + "\n"
                        + HiddenFeedback.NOT_SHOWN;
                r = withInstructorFeedback(result(p, id, o.earned(), o.status(), forStudent), full);
            } else {
                r = result(p, id, o.earned(), o.status(), full);
            }
        }
        record(key, p, r);
    }

    private static CheckResult withInstructorFeedback(CheckResult r, String full) {
        return new CheckResult(r.id(), r.title(), r.points(), r.max(), r.status(), r.visibility(), r.feedback(),
                r.durationMs(), full.strip());
    }

    /**
     * Under a wrong answer: the check's nudge (the first, gentlest hint; never the answer) and where the more specific
     * ones are (`pglabs hint`, one level at a time). Nothing when there is no answer yet: the student has not tried.
     * For hidden checks also why a visible pass may still fail here.
     */
    private String hints(Planned p, OutcomeClassifier.Outcome o, Throwable thrown) {
        StringBuilder hints = new StringBuilder();
        if (o.aboutAnswer() && !o.notAttempted() && !o.explainedElsewhere()) {
            if (!p.check().hint().isEmpty()) {
                hints.append("\n\nNudge: ").append(p.check().hint());
            }
            if (hasReadmeHints(p)) {
                hints.append(p.check().hint().isEmpty() ? "\n\n" : "\n").append("Stuck? ./pglabs hint ")
                        .append(labNumber(p.lab())).append(' ').append(exerciseOf(p.variant().id()))
                        .append(" shows a more specific hint each time you run it.");
            }
        }
        if (p.variant().visibility() == Visibility.HIDDEN && o.answerJudged()) {
            hints.append("\n").append(HiddenFeedback.situation(visibleTwin(p), thrown));
        }
        return hints.toString();
    }

    /** The result of the same check on the visible data ({@code hiddenOn} runs it there first), if it has one. */
    private Optional<CheckResult> visibleTwin(Planned hidden) {
        String visibleId = CheckVariant.exerciseOf(hidden.variant().id());
        return planned.entrySet().stream()
                .filter(e -> e.getValue().lab().equals(hidden.lab()) && e.getValue().variant().id().equals(visibleId)
                        && e.getValue().variant().visibility() != Visibility.HIDDEN)
                .map(e -> finished.get(e.getKey())).filter(Objects::nonNull).findFirst();
    }

    private boolean hasReadmeHints(Planned p) {
        LabHints hints = readmeHints.computeIfAbsent(p.lab().folder(),
                folder -> LabHints.read(course.labsDir().resolve(folder).resolve("README.md")));
        return hints.forExercise(p.variant().id()).isPresent();
    }

    /** "01" of "01-sql-basics" (what `pglabs hint` takes), or the whole folder name. */
    private static String labNumber(Lab lab) {
        String folder = lab.folder();
        int dash = folder.indexOf('-');
        return dash > 0 && folder.substring(0, dash).chars().allMatch(Character::isDigit) ? folder.substring(0, dash)
                : folder;
    }

    /** "08-insert-tag" of the check id "08-insert-tag:hidden". */
    private static String exerciseOf(String checkId) {
        return checkId.replaceFirst(":.*$", "");
    }

    /**
     * True when every check of the lab failed for want of an answer (missing files, comment-only starters, a
     * starter's TODO): the student has not started the lab.
     */
    boolean nothingAttempted(String labFolder) {
        boolean any = false;
        for (Map.Entry<String, Planned> e : planned.entrySet()) {
            if (e.getValue().lab().folder().equals(labFolder)) {
                any = true;
                if (!notAttempted.contains(e.getKey())) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Ends, with an error, every planned variant at or below this node that has no result yet. */
    private void finishUnfinished(TestIdentifier node, String feedback) {
        planned.forEach((key, p) -> {
            if (finished.containsKey(key)) {
                return;
            }
            boolean below = p.methodId().equals(node.getUniqueId())
                    || key.startsWith(node.getUniqueId() + "#")
                    || (plan != null && isAncestor(node.getUniqueId(), p.methodId()));
            if (below) {
                CheckResult r = result(p, null, 0, CheckStatus.ERROR, feedback);
                if (p.variant().visibility() == Visibility.HIDDEN) {
                    // Why a grader could not start may quote its data (an exception's message): instructor only.
                    r = withInstructorFeedback(new CheckResult(r.id(), r.title(), 0, r.max(), r.status(),
                            r.visibility(), "The check could not run (not a problem with your answer); your "
                            + "instructor has the details.\n" + HiddenFeedback.NOT_SHOWN, r.durationMs()), feedback);
                }
                record(key, p, r);
            }
        });
    }

    private boolean isAncestor(String ancestorId, String descendantId) {
        Optional<TestIdentifier> current = Optional.of(plan.getTestIdentifier(descendantId));
        while (current.isPresent()) {
            if (current.get().getUniqueId().equals(ancestorId)) {
                return true;
            }
            current = current.get().getParentIdObject().map(plan::getTestIdentifier);
        }
        return false;
    }

    private void record(String key, Planned p, CheckResult result) {
        CheckResult r = result.guarding(p.check().guards());
        finished.put(key, r);
        progress.checkFinished(p.lab(), r);
    }

    private CheckResult result(Planned p, TestIdentifier id, double points, CheckStatus status, String feedback) {
        Long start = id == null ? null : started.get(id.getUniqueId());
        long ms = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        return new CheckResult(p.variant().id(), p.title(), points, p.variant().points(), status,
                p.variant().visibility(), feedback == null ? "" : feedback.strip(), ms);
    }

    /** Results per lab folder, in plan order; checks that never reported are errors. */
    Map<String, List<CheckResult>> results() {
        Map<String, List<CheckResult>> byLab = new LinkedHashMap<>();
        planned.forEach((key, p) -> {
            CheckResult r = finished.getOrDefault(key, new CheckResult(p.variant().id(), p.title(), 0,
                    p.variant().points(), CheckStatus.ERROR, p.variant().visibility(), "The check did not run.", 0)
                    .guarding(p.check().guards()));
            byLab.computeIfAbsent(p.lab().folder(), k -> new ArrayList<>()).add(r);
        });
        return byLab;
    }
}
