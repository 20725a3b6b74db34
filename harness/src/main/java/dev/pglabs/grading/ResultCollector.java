package dev.pglabs.grading;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.Visibility;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Listens to the JUnit Platform while graders run and records a {@link CheckResult} per {@link Check}.
 * Every check of the plan gets a result, also when its grader could not start (then: error, with why).
 */
final class ResultCollector implements TestExecutionListener {

    private record Planned(Lab lab, String id, String title, Check check) {
    }

    private final Course course;
    private final GradingProgress progress;
    private final Map<String, Planned> planned = new LinkedHashMap<>();
    private final Map<String, CheckResult> finished = new HashMap<>();
    private final Map<String, Long> started = new HashMap<>();
    private TestPlan plan;

    ResultCollector(Course course, GradingProgress progress) {
        this.course = course;
        this.progress = progress;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                checkOf(id).ifPresent(p -> planned.put(id.getUniqueId(), p));
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        finishAll(id, CheckStatus.ERROR, "The check was skipped: " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Planned p = planned.get(id.getUniqueId());
        if (p == null) {
            // A grader class (container) that failed before its checks ran: report why on each of them.
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String why = result.getThrowable().map(t -> OutcomeClassifier.classify(t, 0).feedback())
                        .orElse("The grader could not run.");
                finishAll(id, CheckStatus.ERROR, why);
            }
            return;
        }
        double max = p.check().points();
        CheckResult r;
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            r = result(p, id, max, CheckStatus.PASSED, "");
        } else {
            OutcomeClassifier.Outcome o = OutcomeClassifier.classify(
                    result.getThrowable().orElse(new AssertionError("The check was aborted.")), max);
            String hint = p.check().hint().isEmpty() || !o.aboutAnswer() ? "" : "\n\nExercise hint: " + p.check().hint();
            if (p.check().visibility() == Visibility.HIDDEN && o.answerJudged()) {
                hint += "\nThis hidden check runs your answer on a variant of the data. If the visible check of "
                        + "this exercise passes, your answer depends on today's rows (hard-coded values or ids) "
                        + "instead of the rule the task states.";
            }
            r = result(p, id, o.earned(), o.status(), o.feedback() + hint);
        }
        record(id, p, r);
    }

    private void finishAll(TestIdentifier id, CheckStatus status, String feedback) {
        List<TestIdentifier> targets = new ArrayList<>();
        if (planned.containsKey(id.getUniqueId())) {
            targets.add(id);
        }
        if (plan != null) {
            plan.getDescendants(id).stream().filter(d -> planned.containsKey(d.getUniqueId())).forEach(targets::add);
        }
        for (TestIdentifier target : targets) {
            if (!finished.containsKey(target.getUniqueId())) {
                Planned p = planned.get(target.getUniqueId());
                record(target, p, result(p, target, 0, status, feedback));
            }
        }
    }

    private void record(TestIdentifier id, Planned p, CheckResult r) {
        finished.put(id.getUniqueId(), r);
        progress.checkFinished(p.lab(), r);
    }

    private CheckResult result(Planned p, TestIdentifier id, double points, CheckStatus status, String feedback) {
        Long start = started.get(id.getUniqueId());
        long ms = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        Visibility visibility = p.check().visibility();
        return new CheckResult(p.id(), p.title(), points, p.check().points(), status, visibility,
                feedback == null ? "" : feedback.strip(), ms);
    }

    /** Results per lab folder, in plan order; checks that never reported are errors. */
    Map<String, List<CheckResult>> results() {
        Map<String, List<CheckResult>> byLab = new LinkedHashMap<>();
        planned.forEach((uid, p) -> {
            CheckResult r = finished.getOrDefault(uid, new CheckResult(p.id(), p.title(), 0, p.check().points(),
                    CheckStatus.ERROR, p.check().visibility(), "The check did not run.", 0));
            byLab.computeIfAbsent(p.lab().folder(), k -> new ArrayList<>()).add(r);
        });
        return byLab;
    }

    private Optional<Planned> checkOf(TestIdentifier id) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource source)) {
            return Optional.empty();
        }
        Method method = source.getJavaMethod();
        Optional<Check> check = AnnotationSupport.findAnnotation(method, Check.class);
        Optional<Grader> grader = AnnotationSupport.findAnnotation(source.getJavaClass(), Grader.class);
        if (check.isEmpty() || grader.isEmpty()) {
            return Optional.empty();
        }
        Lab lab = course.lab(grader.get().lab());
        String checkId = check.get().id().isEmpty() ? method.getName() : check.get().id();
        return Optional.of(new Planned(lab, checkId, id.getDisplayName(), check.get()));
    }
}
