package dev.pglabs.graders.selftest;

import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.results.LabResult;
import dev.pglabs.submission.Submission;

import java.nio.file.Path;

/** Grades a Java submission with {@link SelfTestJavaGrader} from tests outside this package. */
public final class SelfTestGrading {

    /** The lab whose data the self-test grader uses; a Java submission sits in this folder. */
    public static final String LAB = "01-sql-basics";

    private SelfTestGrading() {
    }

    /** The result of the self-test "lab" for the submission folder (which holds {@value #LAB}/src/main/java). */
    public static LabResult grade(GradingSession session, Path submission) {
        SelfTestJavaGrader.enable(true);
        try {
            GradingSession forSubmission = session.forSubmission(new Submission(submission));
            return new GradingRunner().grade(forSubmission, forSubmission.course().lab(LAB), SelfTestJavaGrader.class,
                    GradingProgress.SILENT).labs().get(0);
        } finally {
            SelfTestJavaGrader.enable(false);
        }
    }
}
