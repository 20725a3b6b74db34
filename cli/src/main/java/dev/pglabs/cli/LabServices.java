package dev.pglabs.cli;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.LabServiceUnavailableException;

import java.util.List;

/** Starts what the labs need besides the database before anything is graded, or says why the run stops. */
final class LabServices {

    private LabServices() {
    }

    /**
     * Whether every service of {@code labs} runs. If not, prints the reason and the fix: a tool missing on this
     * machine is pglabs' problem, so nothing is graded (no student gets failed checks for it).
     */
    static boolean started(GradingSession session, List<Lab> labs) {
        try {
            session.startServices(labs);
            return true;
        } catch (LabServiceUnavailableException e) {
            List<String> others = labs.stream().filter(l -> !l.equals(e.lab())).map(Lab::id).toList();
            System.err.println("pglabs: " + e.getMessage());
            System.err.println("Nothing was graded." + (others.isEmpty() ? ""
                    : " To grade the other labs meanwhile, name them: " + String.join(" ", others) + "."));
            return false;
        }
    }
}
