package dev.pglabs.grading;

import dev.pglabs.course.Course;

import java.net.URI;
import java.util.Map;

/**
 * A program outside the database that a lab's checks need (a server with TLS, an emulator). It is infrastructure, not
 * the student's work: when it cannot run, a lab that declares it ({@link Grader#services()}) is not graded at all
 * ({@link LabServiceUnavailableException}), rather than graded with failed checks.
 *
 * <p>Implementations live with their lab's grader and are registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.pglabs.grading.LabService} (a public class with a public no-argument constructor). A
 * session makes one instance of each that its checks use ({@link GradingSession#service}), starts it once, on a
 * thread of its own when asked ahead ({@link GradingSession#startAhead}), hands the same instance to every check while
 * it is {@link #healthy()}, and closes it with the session.
 */
public interface LabService extends AutoCloseable {

    /** What it is, for messages: "the DynamoDB emulator". */
    String description();

    /**
     * Starts it and returns once it answers. Called once per instance, perhaps on a thread of its own.
     *
     * @throws RuntimeException when it cannot run on this machine; the message says what to do
     */
    void start(Course course);

    /**
     * The addresses a notebook hands its Java cells while it runs, by name: {@code endpoint("dynamodb")} in a cell
     * of the lab's README. Read after {@link #start} returned.
     */
    default Map<String, URI> endpoints() {
        return Map.of();
    }

    /** Whether it still answers; one that does not is closed and a new one started before the next check uses it. */
    boolean healthy();

    /** Stops it; called once, after a {@link #start} that returned. */
    @Override
    void close();
}
