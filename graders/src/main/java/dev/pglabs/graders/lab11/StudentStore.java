package dev.pglabs.graders.lab11;

import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.results.CheckStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The submission's {@code app.prefs.PreferencesStore}, called the way the README states its signatures. The lab's code
 * depends on nothing of the course (it builds with the lab's own pom.xml), so the grader finds the methods by
 * reflection and calls them through {@link JavaCalls}: time-limited, and a starter's TODO ends the check as "not
 * implemented yet".
 */
final class StudentStore {

    static final String CLASS = "app.prefs.PreferencesStore";
    /** The first call loads and starts the AWS SDK (most of a second on a busy machine); the emulator answers in ms. */
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final Object store;
    private final Class<?> type;

    StudentStore(CompiledSubmission code, DynamoDbClient client, String table) {
        this.type = code.load(CLASS);
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor(DynamoDbClient.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, CLASS + " needs the constructor of the starter: "
                    + "public PreferencesStore(DynamoDbClient dynamo, String table).");
        }
        this.store = JavaCalls.call(() -> constructor.newInstance(client, table), LIMIT, "new PreferencesStore(…)");
    }

    void createTable() {
        call("createTable", "public void createTable()", new Class<?>[0]);
    }

    void put(long userId, String name, String value) {
        call("put", "public void put(long userId, String name, String value)",
                new Class<?>[] {long.class, String.class, String.class}, userId, name, value);
    }

    Optional<String> get(long userId, String name) {
        Object result = call("get", "public Optional<String> get(long userId, String name)",
                new Class<?>[] {long.class, String.class}, userId, name);
        if (result == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "get(" + userId + ", \"" + name + "\") returned null. "
                    + "Return Optional.empty() when the preference is not there.");
        }
        return ((Optional<?>) result).map(String::valueOf);
    }

    /** What putIfAbsent returned, or the exception it let out. */
    record Outcome(Boolean wrote, Throwable thrown) {
    }

    Outcome putIfAbsent(long userId, String name, String value) {
        Method m = method("putIfAbsent", "public boolean putIfAbsent(long userId, String name, String value)",
                long.class, String.class, String.class);
        return JavaCalls.call(() -> {
            try {
                return new Outcome((Boolean) m.invoke(store, userId, name, value), null);
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                boolean todo = t instanceof UnsupportedOperationException && t.getMessage() != null
                        && t.getMessage().strip().startsWith("TODO");
                if (todo || t instanceof Error) {
                    throw e;
                }
                return new Outcome(null, t);
            }
        }, LIMIT, "putIfAbsent");
    }

    @SuppressWarnings("unchecked")
    Map<String, String> forUser(long userId) {
        Object result = call("forUser", "public Map<String, String> forUser(long userId)",
                new Class<?>[] {long.class}, userId);
        if (result == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "forUser(" + userId + ") returned null. Return an empty "
                    + "map for a user without preferences.");
        }
        return new java.util.TreeMap<>((Map<String, String>) result);
    }

    private Object call(String name, String signature, Class<?>[] parameters, Object... args) {
        Method m = method(name, signature, parameters);
        return JavaCalls.call(() -> m.invoke(store, args), LIMIT, name);
    }

    private Method method(String name, String signature, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, CLASS + " has no method " + signature
                    + ". Keep the signatures of the starter: the grader calls them.");
        }
    }
}
