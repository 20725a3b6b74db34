package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** No two checks of a lab (grader and hidden grader together) share an id: results and hints are keyed by it. */
final class UniqueCheckIdsRule implements CourseRule {

    @Override
    public String name() {
        return "unique-check-ids";
    }

    @Override
    public String requires() {
        return "check ids are unique within a lab (its grader and hidden grader together)";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            Map<String, String> firstBy = new HashMap<>();
            for (String className : GraderClasses.classNames(lab)) {
                Class<?> type = GraderClasses.load(className).orElse(null);
                if (type == null) {
                    continue;  // the grader-lab rule reports it
                }
                for (Method m : GraderClasses.checks(type)) {
                    String id = GraderClasses.id(m);
                    String here = type.getSimpleName() + "." + m.getName();
                    String first = firstBy.putIfAbsent(id, here);
                    if (first != null) {
                        Path source = CourseFiles.graderSource(course, className);
                        findings.add(new Finding(name(), CourseFiles.relative(course, source),
                                CourseFiles.lineOf(source, " " + m.getName() + "("),
                                "lab " + lab.folder() + " has two checks with the id \"" + id + "\": " + first
                                        + " and " + here,
                                "give " + here + " an id of its own: @Check(id = \"…\"), named after its exercise"));
                    }
                }
            }
        }
        return findings;
    }
}
