package dev.pglabs.graders.lab11;

import dev.pglabs.graders.lab11.sandboxed.RecordedStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The grader's own DynamoDB client of one check (creates the table, seeds data, reads what the student's code wrote)
 * and where the emulator answers. The student's client lives in the worker, recorded there
 * ({@code sandboxed.RecordedStore}).
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

    /** The table as the solution creates it, for the checks that do not grade createTable. */
    void createTable(String table) {
        grader.createTable(r -> r.tableName(table)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("userId").attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName("name").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("userId").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("name").keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        RecordedStore.awaitActive(grader, table);
    }

    /** Every user's preferences, one item each. */
    void seed(String table, Map<Long, Map<String, String>> data) {
        data.forEach((user, prefs) -> prefs.forEach((name, value) -> put(table, user, name, value)));
    }

    void put(String table, long user, String name, String value) {
        grader.putItem(r -> r.tableName(table).item(Map.of("userId", AttributeValue.fromN(Long.toString(user)),
                "name", AttributeValue.fromS(name), "value", AttributeValue.fromS(value))));
    }

    /** The value stored under this key, read consistently; empty when there is no such item. */
    Optional<String> get(String table, long user, String name) {
        GetItemResponse r = grader.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("userId", AttributeValue.fromN(Long.toString(user)), "name", AttributeValue.fromS(name))));
        if (!r.hasItem() || r.item().isEmpty()) {
            return Optional.empty();
        }
        AttributeValue value = r.item().get("value");
        return Optional.of(value == null ? "(no attribute 'value')" : value.s() == null ? value.toString() : value.s());
    }

    @Override
    public void close() {
        grader.close();
    }
}
