package dev.pglabs.classroom;

import dev.pglabs.results.SubmissionResult;

import java.util.Map;
import java.util.Optional;

/**
 * What a class run found for one student: the result, or why the harness could not grade the submission at all
 * (then {@code result} is empty; a wrong or hostile answer is never such a problem, it fails its checks).
 *
 * @param handedIn when each lab (by folder) was handed in, for the labs whose folder tells (see {@link SubmissionTime})
 */
public record StudentResult(Student student, Optional<SubmissionResult> result, String problem,
                            Map<String, SubmissionTime> handedIn) {

    public StudentResult {
        handedIn = handedIn == null ? Map.of() : Map.copyOf(handedIn);
    }

    public static StudentResult graded(Student student, SubmissionResult result) {
        return graded(student, result, Map.of());
    }

    public static StudentResult graded(Student student, SubmissionResult result, Map<String, SubmissionTime> handedIn) {
        return new StudentResult(student, Optional.of(result), "", handedIn);
    }

    public static StudentResult notGraded(Student student, String problem) {
        return new StudentResult(student, Optional.empty(), problem, Map.of());
    }

    public String name() {
        return student.name();
    }
}
