package dev.pglabs.reports;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.Student;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.results.Visibility;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A class made by hand for the teaching sections of the overview: eleven labs like the course's, an exercise with a
 * hidden twin ({@code 01-find:hidden}), students who solved it, fitted it to the visible data, did not start the
 * lab, or failed it; and hidden data in the instructor's feedback that must never reach a student's page.
 */
final class TeachingClass {

    /** Text only the instructor's feedback of the hidden check holds: the hidden data itself. */
    static final String HIDDEN_DATA = "hidden row: zoe@hidden.example 4242";
    static final String LONG_NAME = "Maximiliana Alexandrovna Konstantinopoulou-Wittgenstein-Oberhausen";

    private TeachingClass() {
    }

    static List<Lab> labs() {
        List<Lab> labs = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            String id = String.format("%02d", i);
            labs.add(new Lab(id, "lab-number-" + id, "Lab number " + id, "things", "g.Lab" + id, Map.of(), false));
        }
        return labs;
    }

    /**
     * ana solves lab 01; ben passes the visible check and fails the hidden one; cy has not started lab 01; dan
     * fails both; nobody started lab 02. The other labs are passed by all.
     */
    static ClassResult result() {
        List<StudentResult> students = new ArrayList<>();
        students.add(graded("ana", CheckStatus.PASSED, CheckStatus.PASSED, false));
        students.add(graded("ben", CheckStatus.PASSED, CheckStatus.FAILED, false));
        students.add(graded("cy", CheckStatus.FAILED, CheckStatus.FAILED, true));
        students.add(graded("dan", CheckStatus.FAILED, CheckStatus.TIMEOUT, false));
        students.add(graded(LONG_NAME, CheckStatus.PASSED, CheckStatus.PASSED, false));
        Student eve = new Student("eve", Path.of("/tmp/class/eve"), Path.of("/tmp/class/eve"),
                "a note that runs on and on about a clone with two lab folders, the newest graded, the other skipped");
        students.add(StudentResult.notGraded(eve, "the database server went away"));
        return new ClassResult(labs(), students, "1.2.3", "17.11", "2026-11-26T01:02:03Z", 9000);
    }

    static SubmissionResult submission(CheckStatus visible, CheckStatus hidden, boolean notStarted) {
        List<LabResult> labs = new ArrayList<>();
        LabResult first = LabResult.of("01-lab-number-01", "Lab number 01", List.of(
                check("01-find", "01 find the user by email", visible, Visibility.VISIBLE, ""),
                check("01-find:hidden", "01 find the user by email (on other data)", hidden, Visibility.HIDDEN,
                        HIDDEN_DATA)));
        labs.add(notStarted ? first.asNotStarted() : first);
        labs.add(LabResult.of("02-lab-number-02", "Lab number 02", List.of(
                check("01-untried", "01 nobody tried this", CheckStatus.FAILED, Visibility.VISIBLE, "")))
                .asNotStarted());
        for (int i = 3; i <= 11; i++) {
            String id = String.format("%02d", i);
            labs.add(LabResult.of(id + "-lab-number-" + id, "Lab number " + id, List.of(
                    check("01-easy", "01 easy", CheckStatus.PASSED, Visibility.VISIBLE, ""))));
        }
        return SubmissionResult.of("/tmp/sub", labs, new SubmissionResult.RunInfo("1.2.3", "17.11", "embedded",
                "2026-11-26T01:02:03.456Z", 4321, "ab".repeat(32), "bubblewrap"));
    }

    private static StudentResult graded(String name, CheckStatus visible, CheckStatus hidden, boolean notStarted) {
        return StudentResult.graded(new Student(name, Path.of("/tmp/class", name), Path.of("/tmp/class", name), ""),
                submission(visible, hidden, notStarted));
    }

    private static CheckResult check(String id, String title, CheckStatus status, Visibility visibility,
                                     String instructorFeedback) {
        boolean passed = status == CheckStatus.PASSED;
        String feedback = passed ? "" : visibility == Visibility.HIDDEN
                ? "The same query on other data gave other rows than expected. Make sure nothing is fitted to the "
                + "visible rows." : "Expected 1 row, got 0. Check the WHERE clause.";
        return new CheckResult(id, title, passed ? 2 : 0, 2, status, visibility, feedback, 10,
                passed ? "" : instructorFeedback);
    }
}
