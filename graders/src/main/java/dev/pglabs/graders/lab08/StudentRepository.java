package dev.pglabs.graders.lab08;

import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.orm.EbeanErrors;
import dev.pglabs.orm.EbeanSession;
import dev.pglabs.orm.StatementLog;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import io.ebean.Database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The student's {@code blog.BlogRepository}, built on the check's Ebean Database and called through reflection (its
 * methods return the student's own entity classes). Each call runs with a time limit, and the grader's reading of
 * the result (getters, so lazy loading counts) happens inside the same call and the same statement recording.
 */
final class StudentRepository {

    static final String CLASS = "blog.BlogRepository";
    static final String FILE = "src/main/java/blog/BlogRepository.java";
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final Object repository;
    private final EbeanSession orm;

    private StudentRepository(Object repository, EbeanSession orm) {
        this.repository = repository;
        this.orm = orm;
    }

    static StudentRepository of(CompiledSubmission code, EbeanSession orm) {
        return new StudentRepository(code.instantiate(CLASS, Object.class, List.of(Database.class), orm.database()),
                orm);
    }

    /** What a call returned (as read by the grader) and the statements it cost, or the exception it threw. */
    record Outcome<T>(T value, RuntimeException thrown, List<StatementLog.Entry> entries) {
        List<StatementLog.Entry> statements() {
            return entries.stream().filter(e -> !e.transactionControl()).toList();
        }

        long commits() {
            return entries.stream().filter(e -> e.sql().equals("COMMIT")).count();
        }
    }

    /**
     * Calls {@code method} and reads its result with {@code read}, recording the statements. The student's
     * exceptions fail the check (a TODO says "not implemented yet").
     */
    <T> Outcome<T> call(String shown, Function<Object, T> read, String method, List<Class<?>> types, Object... args) {
        Outcome<T> outcome = attempt(shown, read, method, types, args);
        if (outcome.thrown() != null) {
            throw failure(shown, outcome.thrown());
        }
        return outcome;
    }

    /** {@link #call}, but an exception of the student's code comes back in the outcome (some checks expect one). */
    <T> Outcome<T> attempt(String shown, Function<Object, T> read, String method, List<Class<?>> types,
                           Object... args) {
        Method m = method(method, types);
        try {
            StatementLog.Recording<Object[]> run = orm.statements().record(() -> JavaCalls.call(() -> {
                Object result;
                try {
                    result = m.invoke(repository, args);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof UnsupportedOperationException u && u.getMessage() != null
                            && u.getMessage().strip().startsWith("TODO")) {
                        throw u;
                    }
                    if (cause instanceof RuntimeException r) {
                        return new Object[] {null, r};
                    }
                    throw e;
                }
                try {
                    return new Object[] {read.apply(result), null};
                } catch (RuntimeException r) {
                    return new Object[] {null, r};  // e.g. a lazy load that fails on a wrong mapping
                }
            }, LIMIT, shown));
            @SuppressWarnings("unchecked")
            T value = (T) run.value()[0];
            return new Outcome<>(value, (RuntimeException) run.value()[1], run.entries());
        } catch (CheckFailure e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The student's exception as feedback: Ebean's own message first (it names the SQL and the column). */
    static CheckFailure failure(String shown, RuntimeException thrown) {
        if (thrown instanceof CheckFailure f) {
            return f;
        }
        String hint = "";
        String text = String.valueOf(thrown.getMessage());
        if (text.contains("default database") || text.contains("DefaultServer")) {
            hint = "\nUse the Database the repository was given (new QPost(db), db.find(…)), not Ebean's default "
                    + "database: DB.…() and new QPost() without db look for a default database that does not exist.";
        }
        return new CheckFailure(CheckStatus.ERROR, shown + " threw " + thrown.getClass().getName() + ":\n"
                + EbeanErrors.describe(thrown) + hint, thrown);
    }

    private Method method(String name, List<Class<?>> types) {
        String signature = name + "(" + types.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
        try {
            Method m = repository.getClass().getMethod(name, types.toArray(Class<?>[]::new));
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, "BlogRepository has no public method " + signature
                    + ". Keep the starter's signatures (in " + FILE + ").");
        } catch (RuntimeException | LinkageError e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The grader cannot read the methods of BlogRepository: "
                    + e + " " + Arrays.toString(types.toArray()));
        }
    }
}
