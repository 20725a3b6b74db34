package dev.pglabs.classroom;

import dev.pglabs.results.SubmissionResult;

import java.util.Optional;

/**
 * What a class run found for one student: the result, or why the harness could not grade the submission at all
 * (then {@code result} is empty; a wrong or hostile answer is never such a problem, it fails its checks).
 */
public record StudentResult(Student student, Optional<SubmissionResult> result, String problem) {

    public static StudentResult graded(Student student, SubmissionResult result) {
        return new StudentResult(student, Optional.of(result), "");
    }

    public static StudentResult notGraded(Student student, String problem) {
        return new StudentResult(student, Optional.empty(), problem);
    }

    public String name() {
        return student.name();
    }
}
