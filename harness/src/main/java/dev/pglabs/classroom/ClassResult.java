package dev.pglabs.classroom;

import dev.pglabs.course.Lab;

import java.util.List;

/**
 * A whole class graded in one run: the labs graded and one result per student, in the order of the students'
 * folder names (whatever order they finished in).
 */
public record ClassResult(List<Lab> labs, List<StudentResult> students, String graderVersion,
                          String postgresVersion, String gradedAt, long durationMs) {

    public ClassResult {
        labs = List.copyOf(labs);
        students = List.copyOf(students);
    }

    /** Students whose submission the harness could not grade at all (not: graded with a low score). */
    public List<StudentResult> notGraded() {
        return students.stream().filter(s -> s.result().isEmpty()).toList();
    }
}
