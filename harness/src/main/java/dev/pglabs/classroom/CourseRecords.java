package dev.pglabs.classroom;

import dev.pglabs.course.Lab;
import dev.pglabs.results.LabResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the class reports take besides the results: the course's grading policy, when there is one.
 */
public record CourseRecords(Optional<GradingPolicy> policy) {

    /** A run without a policy: the gradebook has raw points only. */
    public static final CourseRecords NONE = new CourseRecords(Optional.empty());

    /** The student's labs under the policy, in the order of {@code labs}; empty without a policy or a result. */
    public List<LabGrade> grades(List<Lab> labs, StudentResult student) {
        List<LabGrade> grades = new ArrayList<>();
        if (policy.isEmpty() || student.result().isEmpty()) {
            return grades;
        }
        for (Lab lab : labs) {
            student.result().get().labs().stream().filter(l -> l.id().equals(lab.folder())).findFirst()
                    .ifPresent((LabResult l) -> grades.add(policy.get().grade(lab, l,
                            Optional.ofNullable(student.handedIn().get(lab.folder())))));
        }
        return grades;
    }
}
