package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.orm.StatementLog;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls a method of the student's repository and reads its result the way {@code reading} says (getters, so lazy
 * loading counts), recording every statement sent meanwhile. The student's exception (or one of the reading, e.g. a
 * lazy load that fails on a wrong mapping) comes back in the outcome; a starter's TODO and errors end the task.
 *
 * @param types the parameter types by name ("java.lang.String", "int", "java.util.List")
 */
public record CallRepository(Handle blog, String method, List<String> types, List<Object> args, Reading reading)
        implements StudentTask<Outcome> {

    static final String FILE = "src/main/java/blog/BlogRepository.java";

    public CallRepository {
        types = new ArrayList<>(types);
        args = new ArrayList<>(args);
    }

    @Override
    public Outcome run(WorkerContext context) throws Exception {
        Blog kept = context.kept(blog, Blog.class);
        Method m = method(kept.repository);
        StatementLog log = kept.orm.statements();
        log.clear();
        Object result;
        try {
            result = m.invoke(kept.repository, args.toArray());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException u && u.getMessage() != null
                    && u.getMessage().strip().startsWith("TODO")) {
                throw u;
            }
            if (cause instanceof RuntimeException r) {
                return new Outcome(null, Failure.of(r), Sent.of(log.entries()));
            }
            throw e;
        }
        Serializable value;
        try {
            value = reading.read(result);
        } catch (RuntimeException r) {
            return new Outcome(null, Failure.of(r), Sent.of(log.entries()));  // e.g. a lazy load on a wrong mapping
        }
        return new Outcome(value, null, Sent.of(log.entries()));
    }

    private Method method(Object repository) {
        List<Class<?>> classes = types.stream().map(CallRepository::type).toList();
        String signature = method + "(" + classes.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
        try {
            Method m = repository.getClass().getMethod(method, classes.toArray(Class<?>[]::new));
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, "BlogRepository has no public method " + signature
                    + ". Keep the starter's signatures (in " + FILE + ").");
        } catch (RuntimeException | LinkageError e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The grader cannot read the methods of BlogRepository: "
                    + e + " " + Arrays.toString(classes.toArray()));
        }
    }

    private static Class<?> type(String name) {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            default -> {
                try {
                    yield Class.forName(name, false, ClassLoader.getPlatformClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException("not a JDK type: " + name, e);
                }
            }
        };
    }
}
