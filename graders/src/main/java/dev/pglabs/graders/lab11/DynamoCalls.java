package dev.pglabs.graders.lab11;

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
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The DynamoDB clients of one check: the student's, whose every request is recorded (so a check can tell a Query from
 * a Scan, a conditional write from a plain one), and the grader's own, which is not. The student's client can also
 * play "another request at the same moment": after the student's next read, the grader writes first.
 */
final class DynamoCalls implements AutoCloseable {

    private final List<SdkRequest> requests = new ArrayList<>();
    private final AtomicReference<Runnable> afterNextRead = new AtomicReference<>();
    private final DynamoDbClient student;
    private final DynamoDbClient grader;

    DynamoCalls(URI endpoint) {
        this.grader = client(endpoint, null);
        this.student = client(endpoint, new Recorder());
    }

    /** The client the student's code gets. */
    DynamoDbClient student() {
        return student;
    }

    /** The grader's client: seeds data and reads what the student's code wrote. */
    DynamoDbClient grader() {
        return grader;
    }

    /** The requests the student's client sent since the last {@link #clear()}, in order. */
    synchronized List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }

    /** Operation names of {@link #requests()}: "PutItem", "Query", … */
    List<String> operations() {
        return requests().stream().map(DynamoCalls::operation).toList();
    }

    static String operation(SdkRequest request) {
        return request.getClass().getSimpleName().replaceFirst("Request$", "");
    }

    /** Runs {@code write} (once) right after the student's next GetItem, Query or Scan has answered. */
    void writeAfterNextRead(Runnable write) {
        afterNextRead.set(write);
    }

    /** Whether the write armed with {@link #writeAfterNextRead} has happened. */
    boolean concurrentWriteHappened() {
        return afterNextRead.get() == DONE;
    }

    private static final Runnable DONE = () -> { };

    /**
     * Waits (briefly) until the table is ACTIVE. The emulator makes a new table ACTIVE at once, yet a DescribeTable
     * that reaches it in the same millisecond still sees CREATING, and the SDK's waiter (waitUntilTableExists, the
     * right call on AWS, where a table takes seconds) then sleeps its fixed 20 s before asking again. So the table
     * is ACTIVE before the student's code sees the CreateTable answer, and the grader's own tables likewise.
     */
    static void awaitActive(DynamoDbClient client, String table) {
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

    @Override
    public void close() {
        student.close();
        grader.close();
    }

    private static DynamoDbClient client(URI endpoint, ExecutionInterceptor interceptor) {
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

    /** Records the student's requests and plays the armed concurrent write. */
    private final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            synchronized (DynamoCalls.this) {
                requests.add(context.request());
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            Object response = context.response();
            if (response instanceof CreateTableResponse created) {
                awaitActive(grader, created.tableDescription().tableName());
            }
            if (response instanceof GetItemResponse || response instanceof QueryResponse
                    || response instanceof ScanResponse) {
                Runnable write = afterNextRead.get();
                if (write != null && write != DONE && afterNextRead.compareAndSet(write, DONE)) {
                    write.run();
                }
            }
        }
    }
}
