package dev.pglabs.graders.lab11.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.Thrown;
import dev.pglabs.worker.WorkerContext;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One method of the student's store: {@code createTable}, {@code put}, {@code get}, {@code putIfAbsent} or
 * {@code forUser}, with what the student's client sent meanwhile. With {@code write}, a grader's write goes in
 * right after the student's first read (another request at the same moment).
 */
public record StoreCall(Handle store, String method, ArrayList<Object> args, RecordedStore.Write write,
                        boolean exceptionIsAnswer) implements StudentTask<StoreCall.Reply> {

    /**
     * What the method returned (a String for get's value, a Boolean, a TreeMap for forUser; {@code present} says
     * whether get's Optional held a value), or what it threw when that is an answer; the requests sent; whether the
     * armed write happened.
     */
    public record Reply(Serializable value, boolean present, Thrown thrown, List<RecordedStore.Seen> seen,
                        boolean written) implements Serializable {
    }

    private static final Map<String, Class<?>[]> PARAMETERS = Map.of(
            "createTable", new Class<?>[0],
            "put", new Class<?>[] {long.class, String.class, String.class},
            "get", new Class<?>[] {long.class, String.class},
            "putIfAbsent", new Class<?>[] {long.class, String.class, String.class},
            "forUser", new Class<?>[] {long.class});
    private static final Map<String, String> SIGNATURES = Map.of(
            "createTable", "public void createTable()",
            "put", "public void put(long userId, String name, String value)",
            "get", "public Optional<String> get(long userId, String name)",
            "putIfAbsent", "public boolean putIfAbsent(long userId, String name, String value)",
            "forUser", "public Map<String, String> forUser(long userId)");

    @Override
    public Reply run(WorkerContext context) throws Exception {
        RecordedStore recorded = context.kept(store, RecordedStore.class);
        Method m;
        try {
            m = recorded.store.getClass().getMethod(method, PARAMETERS.get(method));
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, OpenStore.CLASS + " has no method " + SIGNATURES.get(method)
                    + ". Keep the signatures of the starter: the grader calls them.");
        }
        recorded.startCall(write);
        Object result;
        try {
            result = m.invoke(recorded.store, args.toArray());
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            boolean todo = t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().strip().startsWith("TODO");
            if (!exceptionIsAnswer || todo || t instanceof Error) {
                throw e;
            }
            return new Reply(null, false, WorkerContext.thrown(t), recorded.seen(), recorded.written());
        }
        Serializable value = null;
        boolean present = false;
        if (method.equals("get")) {
            if (result == null) {
                throw new SubmissionProblem(CheckStatus.FAILED, "get(" + args.get(0) + ", \"" + args.get(1)
                        + "\") returned null. Return Optional.empty() when the preference is not there.");
            }
            Optional<?> optional = (Optional<?>) result;
            present = optional.isPresent();
            value = optional.map(String::valueOf).orElse(null);
        } else if (method.equals("forUser")) {
            if (result == null) {
                throw new SubmissionProblem(CheckStatus.FAILED, "forUser(" + args.get(0) + ") returned null. Return an "
                        + "empty map for a user without preferences.");
            }
            TreeMap<String, String> copy = new TreeMap<>();
            ((Map<?, ?>) result).forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
            value = copy;
        } else if (result instanceof Boolean b) {
            value = b;
        }
        return new Reply(value, present, null, recorded.seen(), recorded.written());
    }
}
