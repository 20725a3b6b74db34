package dev.pglabs.graders.lab08;

import dev.pglabs.graders.lab08.sandboxed.CallRepository;
import dev.pglabs.graders.lab08.sandboxed.Failure;
import dev.pglabs.graders.lab08.sandboxed.NewRepository;
import dev.pglabs.graders.lab08.sandboxed.OpenBlog;
import dev.pglabs.graders.lab08.sandboxed.ReadMapping;
import dev.pglabs.graders.lab08.sandboxed.Reading;
import dev.pglabs.graders.lab08.sandboxed.Sent;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.orm.StatementLog;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.StudentTask;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The student's Ebean and {@code blog.BlogRepository} for one check, in the worker ({@link StudentJvm}): Ebean
 * started on the student's entities and the check's database, the repository built on it, both kept there until the
 * check closes this. Each call runs with a time limit, and the grader's reading of the result (getters, so lazy
 * loading counts) happens in the worker inside the same call and the same statement recording; what comes back is
 * plain rows and the statements sent.
 */
final class StudentRepository implements AutoCloseable {

    static final String CLASS = "blog.BlogRepository";
    /** Starting Ebean runs the entities' constructors (student code); far more than an honest start needs. */
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    /** Constructors are student code too: a limit of their own. */
    private static final Duration CONSTRUCTOR_LIMIT = Duration.ofSeconds(10);
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final StudentJvm jvm;
    private final CodeRef code;
    private final Handle blog;

    private StudentRepository(StudentJvm jvm, CodeRef code, Handle blog) {
        this.jvm = jvm;
        this.code = code;
        this.blog = blog;
    }

    /** Ebean on the student's entities, connected to the check's database as the student's role. */
    static StudentRepository open(StudentJvm jvm, CompiledSubmission compiled, CheckDatabase db) {
        CodeRef code = jvm.code(compiled);
        Handle blog = call(jvm, new OpenBlog(code, jvm.database(db.studentTarget())), START_LIMIT,
                "Starting Ebean with your entities");
        return new StudentRepository(jvm, code, blog);
    }

    /** {@code new BlogRepository(db)} on this Ebean Database, for the calls that follow. */
    StudentRepository create(LabFiles files) {
        call(jvm, new NewRepository(blog, code, sourceRoot(files)), CONSTRUCTOR_LIMIT, "new BlogRepository(Database)");
        return this;
    }

    /** What a call returned (as read by the grader) and the statements it cost, or the exception it threw. */
    record Outcome<T>(T value, Failure thrown, List<StatementLog.Entry> entries) {
        List<StatementLog.Entry> statements() {
            return entries.stream().filter(e -> !e.transactionControl()).toList();
        }

        long commits() {
            return entries.stream().filter(e -> e.sql().equals("COMMIT")).count();
        }
    }

    /**
     * Calls {@code method} and reads its result as {@code reading} says, recording the statements. The student's
     * exceptions fail the check (a TODO says "not implemented yet").
     *
     * @param types the parameter types by name ("java.lang.String", "int", "java.util.List")
     */
    <T extends Serializable> Outcome<T> call(String shown, Reading reading, String method, List<String> types,
                                             Object... args) {
        Outcome<T> outcome = attempt(shown, reading, method, types, args);
        if (outcome.thrown() != null) {
            throw failure(shown, outcome.thrown());
        }
        return outcome;
    }

    /** {@link #call}, but an exception of the student's code comes back in the outcome (some checks expect one). */
    <T extends Serializable> Outcome<T> attempt(String shown, Reading reading, String method, List<String> types,
                                                Object... args) {
        var run = call(jvm, new CallRepository(blog, method, types, List.of(args), reading), LIMIT, shown);
        @SuppressWarnings("unchecked")
        T value = (T) run.value();
        return new Outcome<>(value, run.failure(), Sent.entries(run.entries()));
    }

    /**
     * Every row of a table read through the student's entities ({@code what}: "reading every user with its
     * profile"); a failure means the mapping does not match the tables.
     */
    List<List<Object>> read(ReadMapping.Table table, LabFiles files, String what) {
        var run = call(jvm, new ReadMapping(blog, code, table, sourceRoot(files)), LIMIT, "the grader " + what);
        Failure failure = run.failure();
        if (failure != null) {
            if (failure.status() != null) {
                throw new CheckFailure(CheckStatus.valueOf(failure.status()), failure.message());
            }
            throw DefaultDatabase.explained(new CheckFailure(CheckStatus.FAILED, "Ebean failed while the grader was "
                    + what + " through your entities. Their mapping does not match the tables:\n"
                    + failure.described()));
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) run.value();
        return rows;
    }

    /** The student's exception as feedback: Ebean's own message first (it names the SQL and the column). */
    static CheckFailure failure(String shown, Failure thrown) {
        if (thrown.status() != null) {
            return new CheckFailure(CheckStatus.valueOf(thrown.status()), thrown.message());
        }
        return DefaultDatabase.explained(new CheckFailure(CheckStatus.ERROR, shown + " threw " + thrown.type()
                + ":\n" + thrown.described()));
    }

    /**
     * A task in the worker. The student's code may fail there outside the method called (a static initialiser):
     * the worker's report then carries Ebean's complaint about its default database as a cause, so the hint is
     * added here too.
     */
    private static <T extends Serializable> T call(StudentJvm jvm, StudentTask<T> task, Duration limit, String what) {
        try {
            return jvm.call(task, limit, what);
        } catch (CheckFailure f) {
            throw DefaultDatabase.explained(f);
        }
    }

    private static String sourceRoot(LabFiles files) {
        return files.dir().getFileName() + "/src/main/java";
    }

    @Override
    public void close() {
        jvm.release(blog);
    }
}
