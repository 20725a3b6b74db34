package dev.pglabs.classroom;

import dev.pglabs.course.Lab;
import dev.pglabs.results.LabResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the class reports take besides the results: the course's grading policy and class list, when there are
 * any, and the entries of the class folder that are not student folders (a forgotten zip).
 */
public record CourseRecords(Optional<GradingPolicy> policy, Optional<Roster> roster, List<ClassRoster.Skipped> skipped) {

    /** A run without a policy or roster, where every entry was a student folder: the gradebook has raw points only. */
    public static final CourseRecords NONE = new CourseRecords(Optional.empty(), Optional.empty(), List.of());

    public CourseRecords {
        skipped = List.copyOf(skipped);
    }

    public CourseRecords withSkipped(List<ClassRoster.Skipped> entries) {
        return new CourseRecords(policy, roster, entries);
    }

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

    /** Submission folders that no one of the roster owns (empty without a roster). */
    public List<String> notInRoster(ClassResult result) {
        return roster.map(r -> r.unknown(names(result))).orElse(List.of());
    }

    /** Roster students without a submission folder, as {@code github (name)} (empty without a roster). */
    public List<String> withoutSubmission(ClassResult result) {
        return roster.map(r -> r.withoutSubmission(names(result)).stream()
                .map(p -> p.name().isEmpty() ? p.github() : p.github() + " (" + p.name() + ")").toList()).orElse(List.of());
    }

    /** What the instructor must see besides the scores: entries that are not students, roster mismatches. */
    public List<String> notes(ClassResult result) {
        List<String> notes = new ArrayList<>();
        skipped.forEach(s -> notes.add("Not a student folder, not graded: " + s));
        List<String> unknown = notInRoster(result);
        if (!unknown.isEmpty()) {
            notes.add("Not in the roster (" + unknown.size() + "): " + String.join(", ", unknown));
        }
        List<String> missing = withoutSubmission(result);
        if (!missing.isEmpty()) {
            notes.add("In the roster, no submission (" + missing.size() + "): " + String.join(", ", missing));
        }
        return notes;
    }

    private static List<String> names(ClassResult result) {
        return result.students().stream().map(StudentResult::name).toList();
    }
}
