package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code @Check} method is named after its check's exercise: the number after {@code e} is the check id's leading
 * number ({@code 03-constraints} → {@code e03_constraints}, or {@code e03a_…}, {@code e03b_…} for several checks of
 * one exercise). Checks run in method-name order, so the grader then reads, and runs, in the order of the exercises.
 */
final class CheckMethodNamesRule implements CourseRule {

    private static final Pattern METHOD = Pattern.compile("e(\\d+)[a-z]*_\\w+");
    private static final Pattern ID = Pattern.compile("(\\d+).*");

    @Override
    public String name() {
        return "check-method-names";
    }

    @Override
    public String requires() {
        return "a @Check method is named e<the check id's number>[a-z]_…, so checks run in the order of the exercises";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            for (String className : GraderClasses.classNames(lab)) {
                GraderClasses.load(className).ifPresent(type -> {
                    for (Method m : GraderClasses.checks(type)) {
                        check(course, className, type, m, findings);
                    }
                });
            }
        }
        return findings;
    }

    private void check(Course course, String className, Class<?> type, Method m, List<Finding> findings) {
        String id = GraderClasses.id(m);
        Matcher number = ID.matcher(id);
        Matcher method = METHOD.matcher(m.getName());
        if (method.matches() && number.matches() && method.group(1).equals(number.group(1))) {
            return;
        }
        Path source = CourseFiles.graderSource(course, className);
        String expected = number.matches() ? "e" + number.group(1) + "_… (or e" + number.group(1) + "a_…, e"
                + number.group(1) + "b_… for several checks of one exercise)" : null;
        findings.add(new Finding(name(), CourseFiles.relative(course, source),
                CourseFiles.lineOf(source, " " + m.getName() + "("),
                type.getSimpleName() + "." + m.getName() + " checks \"" + id + "\" but its name "
                        + (expected == null ? "cannot follow it: the id does not start with its exercise number"
                        : "does not start with e" + number.group(1) + "_"),
                expected == null ? "give the check an id that starts with its exercise number, e.g. \"03-"
                        + id + "\", and name the method e03_…" : "rename the method " + expected));
    }
}
