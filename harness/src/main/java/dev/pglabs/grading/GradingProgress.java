package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;

/** Live progress of a grading run, for the console. All methods default to doing nothing. */
public interface GradingProgress {

    GradingProgress SILENT = new GradingProgress() {
    };

    default void labStarted(Lab lab) {
    }

    default void checkFinished(Lab lab, CheckResult check) {
    }

    default void labFinished(Lab lab, LabResult result) {
    }
}
