package dev.pglabs.authoring;

import dev.pglabs.course.Course;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a course keeps beyond grading ({@code pglabs dev check}): the manifest agrees with the graders, the
 * labs with their solutions, and every lab has hints, golden scenarios, a requirement map and a recorded notebook.
 * A new rule is one more {@link CourseRule} in {@link #RULES}.
 */
public final class CourseCheck {

    /** The rules, in the order their findings are printed. */
    public static final List<CourseRule> RULES = List.of(new GraderLabRule(), new UniqueCheckIdsRule(),
            new CheckMethodNamesRule(), new SolutionsMirrorRule(), new StarterTodoRule(), new HintsRule(),
            new GoldenScenariosRule(), new RequirementsRule(), new RecordedNotebookRule());

    private CourseCheck() {
    }

    /** Every finding of every rule on the course, errors and warnings; empty when the course keeps them all. */
    public static List<Finding> run(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (CourseRule rule : RULES) {
            findings.addAll(rule.check(course));
        }
        return findings;
    }

    /** The findings that fail the check: all but the warnings. */
    public static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(f -> !f.warning()).toList();
    }
}
