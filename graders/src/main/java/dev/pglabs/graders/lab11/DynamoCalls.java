package dev.pglabs.graders.lab11;

import dev.pglabs.graders.lab11.sandboxed.RecordedStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;

/**
 * The grader's own DynamoDB client of one check (seeds data, reads what the student's code wrote) and where the
 * emulator answers. The student's client lives in the worker, recorded there ({@code sandboxed.RecordedStore}).
 */
final class DynamoCalls implements AutoCloseable {

    private final URI endpoint;
    private final DynamoDbClient grader;

    DynamoCalls(URI endpoint) {
        this.endpoint = endpoint;
        this.grader = RecordedStore.client(endpoint, null);
    }

    /** The emulator, as the grader reaches it. */
    URI endpoint() {
        return endpoint;
    }

    /** The grader's client: seeds data and reads what the student's code wrote. */
    DynamoDbClient grader() {
        return grader;
    }

    /** Waits (briefly) until the table is ACTIVE (see {@link RecordedStore#awaitActive}). */
    static void awaitActive(DynamoDbClient client, String table) {
        RecordedStore.awaitActive(client, table);
    }

    @Override
    public void close() {
        grader.close();
    }
}
