package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.Grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Each lab's grader and hidden grader exist and say {@code @Grader(lab = "<its folder>")}. */
final class GraderLabRule implements CourseRule {

    @Override
    public String name() {
        return "grader-lab";
    }

    @Override
    public String requires() {
        return "the grader and hidden grader of each lab exist and carry @Grader(lab = \"NN-slug\") of that lab";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            check(course, lab, "grader", lab.grader(), findings);
            if (lab.hiddenGrader() != null) {
                check(course, lab, "hiddenGrader", lab.hiddenGrader(), findings);
            }
        }
        return findings;
    }

    private void check(Course course, Lab lab, String field, String className, List<Finding> findings) {
        if (className == null || className.isBlank()) {
            findings.add(new Finding(name(), Course.MANIFEST, CourseFiles.manifestLine(course, lab, "\"id\""),
                    "lab " + lab.folder() + " names no " + field + " class",
                    "add \"" + field + "\": \"dev.pglabs.graders.lab" + lab.id() + ".…\" to its entry"));
            return;
        }
        Class<?> type = GraderClasses.load(className).orElse(null);
        if (type == null) {
            findings.add(new Finding(name(), Course.MANIFEST, CourseFiles.manifestLine(course, lab, className),
                    "the " + field + " of lab " + lab.folder() + ", " + className + ", is not on the class path",
                    "correct the class name in course.json, or write the class in graders/src/main/java (and build)"));
            return;
        }
        Grader grader = type.getAnnotation(Grader.class);
        Path source = CourseFiles.graderSource(course, className);
        String file = CourseFiles.relative(course, source);
        if (grader == null) {
            findings.add(new Finding(name(), file, CourseFiles.lineOf(source, "class " + type.getSimpleName()),
                    className + " (the " + field + " of lab " + lab.folder() + ") has no @Grader annotation",
                    "annotate the class with @Grader(lab = \"" + lab.folder() + "\")"));
        } else if (!grader.lab().equals(lab.folder())) {
            findings.add(new Finding(name(), file, CourseFiles.lineOf(source, "@Grader"),
                    className + " says @Grader(lab = \"" + grader.lab() + "\") but course.json makes it the " + field
                            + " of lab " + lab.folder(),
                    "make them agree: @Grader(lab = \"" + lab.folder() + "\"), or name the right class in course.json"));
        }
    }
}
