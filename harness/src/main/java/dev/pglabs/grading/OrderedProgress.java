package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.LabResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of labs graded side by side, told in course order: the first unfinished lab's events pass through as
 * they happen, the others wait and follow when their turn comes, so a console never shows two labs interleaved.
 */
final class OrderedProgress implements GradingProgress {

    private final GradingProgress target;
    private final List<Lab> order;
    private final Map<Lab, List<Runnable>> waiting = new HashMap<>();
    /** Labs whose labFinished is among their waiting events. */
    private final Map<Lab, Boolean> finished = new HashMap<>();
    private int current;

    OrderedProgress(GradingProgress target, List<Lab> order) {
        this.target = target;
        this.order = List.copyOf(order);
    }

    @Override
    public synchronized void labStarted(Lab lab) {
        tell(lab, () -> target.labStarted(lab), false);
    }

    @Override
    public synchronized void checkFinished(Lab lab, CheckResult check) {
        tell(lab, () -> target.checkFinished(lab, check), false);
    }

    @Override
    public synchronized void labFinished(Lab lab, LabResult result) {
        tell(lab, () -> target.labFinished(lab, result), true);
    }

    private void tell(Lab lab, Runnable event, boolean last) {
        if (current < order.size() && order.get(current).equals(lab)) {
            event.run();
            if (last) {
                advance();
            }
            return;
        }
        waiting.computeIfAbsent(lab, l -> new ArrayList<>()).add(last ? () -> {
            event.run();
            finished.put(lab, true);
        } : event);
    }

    /** The current lab is done: replay the next one's waiting events, and go on while those are complete. */
    private void advance() {
        current++;
        while (current < order.size()) {
            Lab next = order.get(current);
            List<Runnable> events = waiting.remove(next);
            if (events != null) {
                events.forEach(Runnable::run);
            }
            if (!finished.getOrDefault(next, false)) {
                return;  // still running: its next events pass straight through
            }
            current++;
        }
    }
}
