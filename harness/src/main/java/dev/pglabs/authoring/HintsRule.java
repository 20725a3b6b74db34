package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.course.LabHints;
import dev.pglabs.grading.Check;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every lab has hints (a "## Hints" section in its README with a {@code ### <exercise>} heading per exercise) and
 * no hint gives an answer away: no README hint level and no {@code @Check(hint = …)} is a near copy of a reference
 * answer ({@link HintLeaks} states the rule).
 */
final class HintsRule implements CourseRule {

    /** One hint and where it is written. */
    private record Hint(String text, String file, int line, String label) {
    }

    @Override
    public String name() {
        return "hints";
    }

    @Override
    public String requires() {
        return "every lab README has a ## Hints section, and no hint (README or @Check) contains an answer";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            Path readme = CourseFiles.readme(course, lab);
            LabHints readmeHints = LabHints.read(readme);
            if (readmeHints.exercises().isEmpty()) {
                findings.add(new Finding(name(), CourseFiles.relative(course, readme), 0,
                        "the README has no hints (no \"## Hints\" section with a \"### <exercise file>\" heading)",
                        "add \"## Hints\", then per exercise \"### <exercise file or check id>\" and <details><summary>Nudge</summary>"
                                + "…</details> blocks, from gentle to specific"));
            }
            List<Hint> hints = hints(course, lab, readme, readmeHints);
            HintLeaks leaks = HintLeaks.of(course, lab, hints.stream().map(Hint::text).toList());
            for (Hint hint : hints) {
                String why = leaks.nearCopy(hint.text());
                if (why != null) {
                    findings.add(new Finding(name(), hint.file(), hint.line(),
                            hint.label() + " gives the answer away: it " + why,
                            "point to the idea (a keyword, a column, the README section) instead of writing the "
                                    + "answer's code out"));
                }
            }
        }
        return findings;
    }

    private static List<Hint> hints(Course course, Lab lab, Path readme, LabHints readmeHints) {
        List<Hint> hints = new ArrayList<>();
        for (String className : GraderClasses.classNames(lab)) {
            Path source = CourseFiles.graderSource(course, className);
            GraderClasses.load(className).ifPresent(type -> {
                for (Method m : GraderClasses.checks(type)) {
                    String hint = m.getAnnotation(Check.class).hint();
                    if (!hint.isEmpty()) {
                        hints.add(new Hint(hint, CourseFiles.relative(course, source),
                                CourseFiles.lineOf(source, " " + m.getName() + "("),
                                "the hint of @Check " + GraderClasses.id(m)));
                    }
                }
            });
        }
        int section = CourseFiles.lineOf(readme, "## Hints");  // a hint's words may occur in the lesson too
        for (String exercise : readmeHints.exercises()) {
            List<LabHints.Hint> levels = readmeHints.forExercise(exercise).orElseThrow().getValue();
            for (int i = 0; i < levels.size(); i++) {
                String text = levels.get(i).text();
                String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(text).strip();
                hints.add(new Hint(text, CourseFiles.relative(course, readme), CourseFiles.lineOf(readme, firstLine, section),
                        "hint " + (i + 1) + "/" + levels.size() + " of " + exercise));
            }
        }
        return hints;
    }
}
