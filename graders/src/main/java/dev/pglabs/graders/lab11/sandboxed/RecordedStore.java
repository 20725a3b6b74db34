package dev.pglabs.graders.lab11.sandboxed;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The student's {@code PreferencesStore} in the worker, with the DynamoDB client it was given: every request that
 * client sends is recorded (as {@link Seen} data for the grader), and it can play "another request at the same
 * moment" (after the student's next read, a write of the grader's goes first). Kept between the calls of a check.
 */
public final class RecordedStore implements AutoCloseable {

    /** One request of the student's client, as the checks read it. */
    public record Seen(String operation, boolean conditional, boolean keyCondition, String billingMode,
                       boolean consistentRead) implements Serializable {
    }

    /** A grader's write to play right after the student's next read. */
    public record Write(String table, long userId, String name, String value) implements Serializable {
    }

    final Object store;
    private final DynamoDbClient student;
    private final DynamoDbClient grader;
    private final List<Seen> seen = new ArrayList<>();
    private Write armed;
    private boolean written;

    RecordedStore(URI endpoint, Object store, DynamoDbClient student, DynamoDbClient grader) {
        this.store = store;
        this.student = student;
        this.grader = grader;
    }

    /** A client of the emulator; with a recorder for the student's, without for the grader's own. */
    public static DynamoDbClient client(URI endpoint, ExecutionInterceptor interceptor) {
        // The emulator takes any region and any keys; no AWS account is involved. One try per call: a retry would
        // hide what the student's code did (and a ConditionalCheckFailed is never retried anyway).
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("pglabs", "pglabs")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20)).build())
                .overrideConfiguration(c -> {
                    c.retryStrategy(DefaultRetryStrategy.doNotRetry());
                    c.apiCallTimeout(Duration.ofSeconds(20));
                    if (interceptor != null) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    synchronized void startCall(Write write) {
        seen.clear();
        armed = write;
        written = false;
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    synchronized boolean written() {
        return written;
    }

    synchronized void record(SdkRequest request) {
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        boolean conditional = request instanceof PutItemRequest put
                && (put.conditionExpression() != null || put.hasExpected());
        boolean keyCondition = request instanceof QueryRequest query
                && (query.keyConditionExpression() != null || query.hasKeyConditions());
        String billing = request instanceof CreateTableRequest create ? create.billingModeAsString() : null;
        boolean consistent = request instanceof GetItemRequest get && Boolean.TRUE.equals(get.consistentRead());
        seen.add(new Seen(operation, conditional, keyCondition, billing, consistent));
    }

    void answered(Object response) {
        if (response instanceof CreateTableResponse created) {
            awaitActive(grader, created.tableDescription().tableName());
        }
        if (response instanceof GetItemResponse || response instanceof QueryResponse || response instanceof ScanResponse) {
            Write write;
            synchronized (this) {
                write = armed;
                armed = null;
            }
            if (write != null) {
                grader.putItem(r -> r.tableName(write.table()).item(Map.of(
                        "userId", AttributeValue.fromN(Long.toString(write.userId())),
                        "name", AttributeValue.fromS(write.name()), "value", AttributeValue.fromS(write.value()))));
                synchronized (this) {
                    written = true;
                }
            }
        }
    }

    /**
     * Waits (briefly) until the table is ACTIVE. The emulator makes a new table ACTIVE at once, yet a DescribeTable
     * that reaches it in the same millisecond still sees CREATING, and the SDK's waiter (waitUntilTableExists) then
     * sleeps its fixed 20 s before asking again. So the table is ACTIVE before the student's code sees the answer.
     */
    public static void awaitActive(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Records the student's requests and plays the armed write. */
    static final class Recorder implements ExecutionInterceptor {
        private RecordedStore store;

        void attach(RecordedStore recorded) {
            this.store = recorded;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (store != null) {
                store.record(context.request());
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (store != null) {
                store.answered(context.response());
            }
        }
    }

    @Override
    public void close() {
        student.close();
        grader.close();
    }
}
