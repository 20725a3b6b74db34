package dev.pglabs.graders.lab11;

import dev.pglabs.course.Course;
import dev.pglabs.grading.LabService;
import dev.pglabs.provisioning.DynamoDbEmulator;

import java.net.URI;
import java.util.Map;

/**
 * Lab 11's DynamoDB emulator ({@link DynamoDbEmulator}: dynalite on Node.js, installed into the course's
 * {@code tools/dynalite}), as a {@link LabService}: exercises 6–9 run the student's code against it.
 */
public final class DynamoDbEmulatorService implements LabService {

    private DynamoDbEmulator emulator;

    @Override
    public String description() {
        return "the DynamoDB emulator";
    }

    /** @throws DynamoDbEmulator.Unavailable when it cannot run here (no Node.js / npm): the message says what to do */
    @Override
    public void start(Course course) {
        emulator = DynamoDbEmulator.start(course.home().resolve("tools").resolve("dynalite"));
    }

    /** The running emulator. */
    public DynamoDbEmulator emulator() {
        return emulator;
    }

    /** A notebook's cells build their client on it: {@code endpointOverride(endpoint("dynamodb"))}. */
    @Override
    public Map<String, URI> endpoints() {
        return Map.of("dynamodb", emulator.endpoint());
    }

    @Override
    public boolean healthy() {
        return emulator.isRunning();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
