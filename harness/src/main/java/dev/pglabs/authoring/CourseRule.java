package dev.pglabs.authoring;

import dev.pglabs.course.Course;

import java.util.List;

/**
 * One rule the course must keep, checked by {@code pglabs dev check}. A rule reads the course's files (and its
 * grader classes, from the class path) and reports each break as a {@link Finding}; it never changes anything.
 */
public interface CourseRule {

    /** A short, stable name shown with each finding, e.g. "grader-lab". */
    String name();

    /** What the rule requires, in one line (for the command's help and the docs). */
    String requires();

    List<Finding> check(Course course);
}
