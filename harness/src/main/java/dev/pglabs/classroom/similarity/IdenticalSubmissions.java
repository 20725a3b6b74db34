package dev.pglabs.classroom.similarity;

import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.Student;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.submission.Submission;
import dev.pglabs.submission.SubmissionHash;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lab folders that are byte for byte the same ({@link SubmissionHash}) for two or more students. A lab folder
 * that is missing, or identical to the course's starter, is not a submission and is never grouped.
 */
public final class IdenticalSubmissions {

    /** Students whose folder of {@code lab} has the same content hash. */
    public record Group(String lab, String hash, List<String> students) {
    }

    private IdenticalSubmissions() {
    }

    public static List<Group> find(Course course, List<Lab> labs, List<Student> students) {
        List<Group> groups = new ArrayList<>();
        for (Lab lab : labs) {
            List<String> folder = List.of(lab.folder());
            String starter = SubmissionHash.of(new Submission(course.labsDir()), folder);
            Map<String, List<String>> byHash = new TreeMap<>();
            for (Student student : students) {
                Submission submission = new Submission(student.labs());
                if (!Files.exists(submission.lab(lab.folder()).dir(), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String hash = SubmissionHash.of(submission, folder);
                if (!hash.equals(starter)) {
                    byHash.computeIfAbsent(hash, k -> new ArrayList<>()).add(student.name());
                }
            }
            byHash.forEach((hash, names) -> {
                if (names.size() > 1) {
                    groups.add(new Group(lab.folder(), hash, names.stream().sorted(ClassRoster.NAME_ORDER).toList()));
                }
            });
        }
        return groups;
    }
}
