package dev.pglabs.graders.lab11.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.Constructor;
import java.net.URI;

/** {@code new PreferencesStore(client, table)} on a recorded client of the emulator; kept for the check's calls. */
public record OpenStore(CodeRef code, String endpoint, String table) implements StudentTask<Handle> {

    static final String CLASS = "app.prefs.PreferencesStore";

    @Override
    public Handle run(WorkerContext context) throws Exception {
        if (!context.has(code, CLASS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + CLASS + " is missing. Expected it in "
                    + "11-sql-vs-nosql/src/main/java/app/prefs/PreferencesStore.java (check the package line and the "
                    + "class name).");
        }
        Class<?> type = context.load(code, CLASS);
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(DynamoDbClient.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, CLASS + " needs the constructor of the starter: "
                    + "public PreferencesStore(DynamoDbClient dynamo, String table).");
        }
        URI uri = URI.create(endpoint);
        RecordedStore.Recorder recorder = new RecordedStore.Recorder();
        DynamoDbClient student = RecordedStore.client(uri, recorder);
        DynamoDbClient grader = RecordedStore.client(uri, null);
        try {
            Object store = constructor.newInstance(student, table);
            RecordedStore recorded = new RecordedStore(uri, store, student, grader);
            recorder.attach(recorded);
            return context.keep(recorded);
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            student.close();
            grader.close();
            throw e;
        }
    }
}
