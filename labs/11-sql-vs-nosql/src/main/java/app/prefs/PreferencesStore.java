package app.prefs;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.Optional;

/**
 * User preferences in DynamoDB, the key-value half of the blog app (posts, comments and profiles stay in
 * PostgreSQL). One item per preference: partition key {@code userId} (the blog's users.id, a number), sort key
 * {@code name} ("theme", "language", …, a string), and the preference in {@code value} (a string).
 * Steps 6 to 9 of the README explain each method. Grade with: ./pglabs grade 11
 */
public class PreferencesStore {

    public static final String USER_ID = "userId";
    public static final String NAME = "name";
    public static final String VALUE = "value";

    private final DynamoDbClient dynamo;
    private final String table;

    /** The grader passes a client connected to its DynamoDB emulator and a table name of its own. */
    public PreferencesStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Exercise 6: the table, keyed for "one preference of a user" and "all preferences of a user". */
    public void createTable() {
        // TODO: createTable with partition key userId (N) and sort key name (S), on-demand billing (PAY_PER_REQUEST),
        //  then wait until it exists (dynamo.waiter()).
        throw new UnsupportedOperationException("TODO exercise 6: create the table (README step 6)");
    }

    /** Exercise 7: set a preference (create or replace it). */
    public void put(long userId, String name, String value) {
        // TODO: putItem with the three attributes userId, name and value.
        throw new UnsupportedOperationException("TODO exercise 7: put a preference (README step 7)");
    }

    /** Exercise 7: one preference, read by its full key; empty when the user never set it. */
    public Optional<String> get(long userId, String name) {
        // TODO: getItem by the full key (userId and name), with a consistent read.
        throw new UnsupportedOperationException("TODO exercise 7: get a preference (README step 7)");
    }

    /**
     * Exercise 8: set a preference only if the user has not set it yet, in one conditional write.
     *
     * @return true if this call wrote it, false if it was there already (left unchanged)
     */
    public boolean putIfAbsent(long userId, String name, String value) {
        // TODO: one putItem with a condition expression; catch ConditionalCheckFailedException.
        throw new UnsupportedOperationException("TODO exercise 8: a conditional write (README step 8)");
    }

    /** Exercise 9: all preferences of one user (name → value), with a Query on the partition key, every page. */
    public Map<String, String> forUser(long userId) {
        // TODO: query with a key condition on userId (never a scan), reading every page (queryPaginator).
        throw new UnsupportedOperationException("TODO exercise 9: query by partition key (README step 9)");
    }
}
