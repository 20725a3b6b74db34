package dev.pglabs.cli;

import dev.pglabs.course.Exercise;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The gradings of {@code pglabs watch}, on one session kept open between saves (the server, the lab's templates and
 * the JVM stay warm): the whole lab, or only some of its exercises merged into the previous result, so the exercise a
 * save touched is graded, and shown, before the others.
 */
final class WatchGrading {

    private final GradingSession session;

    WatchGrading(GradingSession session) {
        this.session = session;
    }

    /** Every visible check of the lab (the learner's practice loop; hidden checks are the instructor's). */
    LabResult all(Lab lab) {
        return new GradingRunner(CheckScope.VISIBLE).grade(session, List.of(lab), GradingProgress.SILENT).labs().get(0);
    }

    /**
     * Only the checks of the exercises {@code numbers} accepts (a check without a number counts as not accepted),
     * their results put in place of those in {@code before}.
     */
    LabResult only(Lab lab, LabResult before, Predicate<String> numbers) {
        return grade(lab, before, method -> exerciseOf(method).filter(numbers).isPresent());
    }

    /** Every check but those of the exercises {@code graded} (checks without a number included). */
    LabResult allBut(Lab lab, LabResult before, Set<String> graded) {
        return grade(lab, before, method -> exerciseOf(method).map(n -> !graded.contains(n)).orElse(true));
    }

    private LabResult grade(Lab lab, LabResult before, Predicate<Method> checks) {
        GradingRunner runner = new GradingRunner(CheckScope.VISIBLE).onlyChecks(checks);
        LabResult graded = runner.grade(session, List.of(lab), GradingProgress.SILENT).labs().get(0);
        return merged(before, graded);
    }

    /**
     * What a save grades, and draws, before the rest of the lab: the exercises of the saved files; or, when a file
     * without a number changed (a Java source, a migration), the exercise the learner is on, the first one not passed
     * yet, so its result is on screen without waiting for the whole lab. Empty: grade the whole lab at once (every
     * exercise passed before, so none comes first).
     */
    static Optional<Set<String>> gradedFirst(LabResult before, Set<String> changedFiles) {
        Optional<Set<String>> saved = exercisesOf(changedFiles);
        if (saved.isPresent()) {
            return saved;
        }
        return Exercise.of(before).stream().filter(e -> !e.passed()).findFirst().filter(Exercise::numbered)
                .map(Exercise::number).map(Set::of);
    }

    /** The exercise numbers a save touched, or empty when a file without a number changed (grade everything). */
    static Optional<Set<String>> exercisesOf(Set<String> changedFiles) {
        Set<String> numbers = new TreeSet<>();
        for (String file : changedFiles) {
            Optional<String> number = Exercise.numberOf(file);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            numbers.add(number.get());
        }
        return numbers.isEmpty() ? Optional.empty() : Optional.of(numbers);
    }

    /** The exercises that pass in {@code after} and did not in {@code before}. */
    static List<String> newlyPassed(LabResult before, LabResult after) {
        Set<String> passedBefore = new HashSet<>();
        Exercise.of(before).stream().filter(Exercise::passed).forEach(e -> passedBefore.add(e.number()));
        return Exercise.of(after).stream().filter(Exercise::passed).map(Exercise::number)
                .filter(n -> !passedBefore.contains(n)).toList();
    }

    /** Whether two results would draw the same (the same checks with the same outcome and feedback). */
    static boolean sameOutcome(LabResult a, LabResult b) {
        return outcome(a).equals(outcome(b));
    }

    private static List<String> outcome(LabResult result) {
        return result.checks().stream().map(c -> c.id() + " " + c.status() + " " + c.points() + " " + c.feedback())
                .toList();
    }

    private static Optional<String> exerciseOf(Method method) {
        Check check = method.getAnnotation(Check.class);
        return Exercise.numberOf(check.id().isEmpty() ? method.getName() : check.id());
    }

    private static LabResult merged(LabResult before, LabResult graded) {
        Map<String, CheckResult> fresh = new LinkedHashMap<>();
        graded.checks().forEach(c -> fresh.put(c.id(), c));
        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult check : before.checks()) {
            CheckResult replaced = fresh.remove(check.id());
            checks.add(replaced != null ? replaced : check);
        }
        checks.addAll(fresh.values());
        return LabResult.of(before.id(), before.title(), checks, graded.hiddenNotRun());
    }
}
