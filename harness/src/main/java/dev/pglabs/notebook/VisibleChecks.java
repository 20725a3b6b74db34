package dev.pglabs.notebook;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;

import java.util.List;

/**
 * Shows only the visible checks of a grading run, with their score: {@code check()} in a notebook is the
 * learner's practice run, and hidden checks are for the final grading.
 */
final class VisibleChecks implements GradingProgress {

    private final GradingProgress delegate;

    VisibleChecks(GradingProgress delegate) {
        this.delegate = delegate;
    }

    @Override
    public void labStarted(Lab lab) {
        delegate.labStarted(lab);
    }

    @Override
    public void checkFinished(Lab lab, CheckResult check) {
        if (check.visibility() == Visibility.VISIBLE) {
            delegate.checkFinished(lab, check);
        }
    }

    @Override
    public void labFinished(Lab lab, LabResult result) {
        List<CheckResult> visible = result.checks().stream().filter(c -> c.visibility() == Visibility.VISIBLE).toList();
        delegate.labFinished(lab, LabResult.of(result.id(), result.title(), visible));
    }
}
