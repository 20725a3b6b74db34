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

/** Results made by hand for the report tests: every status, a hidden check, and hostile feedback text. */
final class SampleResults {

    /** Feedback a submission can steer: markup, a CDATA end, control characters, backticks, table pipes. */
    static final String HOSTILE_FEEDBACK = "Expected 3 rows, got 2.\n<script>alert('x')</script> ]]> & \"q\"\n"
            + "NUL\u0000 BEL\u0007 ESC\u001b[31m lone\uD800 | a | b |\n```\nnot the end of the block\n``````\nλ ✓";

    static final Lab LAB01 = new Lab("01", "sql-basics", "SQL basics", "SELECT", "g.Lab01", Map.of(), false);
    static final Lab LAB03 = new Lab("03", "relations-joins", "Relations and joins", "JOIN", "g.Lab03", Map.of(), false);

    private SampleResults() {
    }

    static SubmissionResult submission(double... lab01Points) {
        List<CheckResult> checks = new ArrayList<>();
        CheckStatus[] statuses = {CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.ERROR, CheckStatus.TIMEOUT};
        for (int i = 0; i < lab01Points.length; i++) {
            // Failing checks cycle through failed, error, timeout by position (check 02 fails, 03 errs, 04 times out).
            CheckStatus status = lab01Points[i] == 1 ? CheckStatus.PASSED : statuses[1 + (i + 2) % 3];
            checks.add(new CheckResult("0" + (i + 1) + "-check", "0" + (i + 1) + " does the thing", lab01Points[i], 1,
                    status, i % 2 == 1 ? Visibility.HIDDEN : Visibility.VISIBLE,
                    status == CheckStatus.PASSED ? "" : HOSTILE_FEEDBACK, 12 + i));
        }
        LabResult lab01 = LabResult.of("01-sql-basics", "SQL basics", checks);
        LabResult lab03 = LabResult.of("03-relations-joins", "Relations and joins", List.of(
                new CheckResult("01-joins", "01 joins <b>tables</b>", 2, 2, CheckStatus.PASSED, Visibility.VISIBLE, "", 30),
                new CheckResult("02-partial", "02 gets partial credit", 0.5, 2, CheckStatus.FAILED, Visibility.VISIBLE,
                        "Half right.", 40)));
        return SubmissionResult.of("/tmp/sub", List.of(lab01, lab03), new SubmissionResult.RunInfo("1.2.3", "17.11",
                "embedded", "2026-11-26T01:02:03.456Z", 4321, "ab".repeat(32), "bubblewrap"));
    }

    static ClassResult classOf(Map<String, SubmissionResult> students, String... notGraded) {
        List<StudentResult> results = new ArrayList<>();
        students.forEach((name, result) -> results.add(StudentResult.graded(student(name), result)));
        for (String name : notGraded) {
            results.add(StudentResult.notGraded(student(name), "the database server went away"));
        }
        return new ClassResult(List.of(LAB01, LAB03), results, "1.2.3", "17.11", "2026-11-26T01:02:03Z", 9000);
    }

    static Student student(String name) {
        return new Student(name, Path.of("/tmp/class", "x"), Path.of("/tmp/class", "x"), "");
    }
}
