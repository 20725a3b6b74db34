package dev.pglabs.notebook;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.LabService;
import dev.pglabs.grading.SessionServices;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a lab's checks need besides the database (lab 11: the DynamoDB emulator), started for a notebook of that lab
 * as soon as it opens, in the background, so that its cells can talk to it ({@code endpoint("dynamodb")}). They are
 * the notebook's own, not its grading session's: what cells store there never meets a check, and they stop when the
 * notebook closes.
 */
final class NotebookServices implements AutoCloseable {

    private final SessionServices services;
    private final List<Class<? extends LabService>> types;
    /** The services whose failure to start a cell has already explained: later cells say it in one line. */
    private final Set<Class<? extends LabService>> explained = new HashSet<>();
    /** How many times endpoint(…) said a service is down: a cell that heard it needs no note after it. */
    private int refusals;

    NotebookServices(Course course, Lab lab) {
        this.services = new SessionServices(course);
        this.types = servicesOf(lab);
        types.forEach(services::startAhead);
    }

    /** None when the lab's grader is not on the class path (a course being written): its cells need none then. */
    private static List<Class<? extends LabService>> servicesOf(Lab lab) {
        if (lab.grader() == null) {
            return List.of();
        }
        try {
            return GradingRunner.servicesOf(lab);
        } catch (IllegalStateException e) {
            return List.of();
        }
    }

    /**
     * Waits until every service of the lab has started or failed to (a failure is for {@link #endpoint} to tell).
     * The first start can install the emulator, which takes longer than a cell may run: this wait is not the cell's.
     */
    void awaitStarted() {
        for (Class<? extends LabService> type : types) {
            try {
                services.get(type);
            } catch (RuntimeException e) {
                // Told by the first endpoint(…) that needs it, with what to do.
            }
        }
    }

    /**
     * The address a service of the lab gives under this name, once it is up.
     *
     * @throws ServiceUnavailable when no service of the lab has it, or the one that has cannot run here
     */
    synchronized URI endpoint(String name) {
        for (Class<? extends LabService> type : types) {
            LabService service;
            try {
                service = services.get(type);
            } catch (RuntimeException e) {
                String what = services.description(type);
                refusals++;
                if (explained.add(type)) {
                    throw new ServiceUnavailable("The notebook could not start " + what + ": " + e.getMessage());
                }
                throw new ServiceUnavailable(what + " is not running (an earlier cell said why); this cell needs it.");
            }
            URI uri = service.endpoints().get(name);
            if (uri != null) {
                return uri;
            }
        }
        throw new ServiceUnavailable("This lab has no service called \"" + name + "\" (endpoint(…) knows "
                + types.stream().map(services::description).toList() + ").");
    }

    /**
     * For a Java cell that failed while a service is down: one line that says so (its variables, such as a client
     * built on its endpoint, are null then), since the first cell that needed it has told why and what to do.
     */
    synchronized Optional<String> downNote(int refusalsBefore) {
        if (refusals != refusalsBefore) {
            return Optional.empty();
        }
        return explained.stream().findFirst().map(type -> "(" + services.description(type)
                + " is not running: the first cell that needed it said why and how to fix it.)");
    }

    synchronized int refusals() {
        return refusals;
    }

    @Override
    public void close() {
        services.close();
    }
}
