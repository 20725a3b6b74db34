package dev.pglabs.grading;

import dev.pglabs.course.Lab;

/** A lab's {@link LabService} cannot run on this machine: pglabs cannot grade the lab here (not the student's fault). */
public final class LabServiceUnavailableException extends IllegalStateException {

    private final transient Lab lab;

    /** @param service what the lab needs ({@link LabService#description()}) */
    public LabServiceUnavailableException(Lab lab, String service, RuntimeException cause) {
        super("lab " + lab.id() + " (" + lab.title() + ") cannot be graded here: it needs " + service
                + ", which cannot run on this machine.\n" + cause.getMessage(), cause);
        this.lab = lab;
    }

    public Lab lab() {
        return lab;
    }
}
