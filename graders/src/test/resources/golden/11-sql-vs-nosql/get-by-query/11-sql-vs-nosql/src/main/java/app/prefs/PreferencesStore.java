package app.prefs;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * User preferences in DynamoDB, the key-value half of the blog app (posts, comments and profiles stay in
 * PostgreSQL). One item per preference: partition key {@code userId} (the blog's users.id), sort key
 * {@code name} ("theme", "language", …), and the preference in {@code value}.
 */
public class PreferencesStore {

    public static final String USER_ID = "userId";
    public static final String NAME = "name";
    public static final String VALUE = "value";

    private final DynamoDbClient dynamo;
    private final String table;

    public PreferencesStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Exercise 6: the table, keyed for "one preference of a user" and "all preferences of a user". */
    public void createTable() {
        dynamo.createTable(r -> r.tableName(table)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(USER_ID).attributeType(ScalarAttributeType.N).build(),
                        AttributeDefinition.builder().attributeName(NAME).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(USER_ID).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(NAME).keyType(KeyType.RANGE).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /** Exercise 7: set a preference (create or replace it). */
    public void put(long userId, String name, String value) {
        dynamo.putItem(r -> r.tableName(table).item(item(userId, name, value)));
    }

    /** Exercise 7: one preference, read by its full key. */
    public Optional<String> get(long userId, String name) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#u = :u AND #n = :n")
                .expressionAttributeNames(Map.of("#u", USER_ID, "#n", NAME))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromN(Long.toString(userId)),
                        ":n", AttributeValue.fromS(name)))
                .consistentRead(true)
                .build();
        return dynamo.query(request).items().stream().findFirst().map(item -> item.get(VALUE).s());
    }

    /**
     * Exercise 8: set a preference only if the user has not set it yet, in one conditional write.
     *
     * @return true if this call wrote it, false if it was there already (left unchanged)
     */
    public boolean putIfAbsent(long userId, String name, String value) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(userId, name, value))
                    .conditionExpression("attribute_not_exists(#n)")
                    .expressionAttributeNames(Map.of("#n", NAME)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Exercise 9: all preferences of one user (name → value), with a Query on the partition key, every page. */
    public Map<String, String> forUser(long userId) {
        QueryRequest request = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#u = :u")
                .expressionAttributeNames(Map.of("#u", USER_ID))
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromN(Long.toString(userId))))
                .consistentRead(true)
                .build();
        Map<String, String> preferences = new TreeMap<>();
        dynamo.queryPaginator(request).items()
                .forEach(item -> preferences.put(item.get(NAME).s(), item.get(VALUE).s()));
        return preferences;
    }

    private static Map<String, AttributeValue> key(long userId, String name) {
        return Map.of(USER_ID, AttributeValue.fromN(Long.toString(userId)), NAME, AttributeValue.fromS(name));
    }

    private static Map<String, AttributeValue> item(long userId, String name, String value) {
        return Map.of(USER_ID, AttributeValue.fromN(Long.toString(userId)), NAME, AttributeValue.fromS(name),
                VALUE, AttributeValue.fromS(value));
    }
}
