package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderedProgressTest {

    private static Lab lab(String id) {
        return new Lab(id, "lab", "Lab " + id, "", "none", Map.of(), false);
    }

    private static CheckResult check(String id) {
        return new CheckResult(id, id, 1, 1, CheckStatus.PASSED, Visibility.VISIBLE, "", 1);
    }

    /** Records what the console would print. */
    private static final class Recorder implements GradingProgress {
        final List<String> lines = new ArrayList<>();

        @Override
        public void labStarted(Lab lab) {
            lines.add("start " + lab.id());
        }

        @Override
        public void checkFinished(Lab lab, CheckResult check) {
            lines.add(lab.id() + " " + check.id());
        }

        @Override
        public void labFinished(Lab lab, LabResult result) {
            lines.add("end " + lab.id());
        }
    }

    @Test
    void labsGradedSideBySideAreToldInCourseOrder() {
        Lab a = lab("01");
        Lab b = lab("02");
        Lab c = lab("03");
        Recorder console = new Recorder();
        OrderedProgress progress = new OrderedProgress(console, List.of(a, b, c));
        // Lab 03 (its template was ready) starts first, beside lab 01; lab 02 comes last.
        progress.labStarted(c);
        progress.labStarted(a);
        progress.checkFinished(c, check("x"));
        progress.checkFinished(a, check("y"));
        progress.labFinished(c, LabResult.of("03", "", List.of()));
        assertThat(console.lines).as("only the first lab in course order is live").containsExactly("start 01", "01 y");
        progress.labStarted(b);
        progress.labFinished(a, LabResult.of("01", "", List.of()));
        assertThat(console.lines).as("lab 02 is now live").containsExactly("start 01", "01 y", "end 01", "start 02");
        progress.checkFinished(b, check("z"));
        progress.labFinished(b, LabResult.of("02", "", List.of()));
        assertThat(console.lines).as("lab 03, finished long ago, follows in one piece").containsExactly(
                "start 01", "01 y", "end 01", "start 02", "02 z", "end 02", "start 03", "03 x", "end 03");
    }
}
