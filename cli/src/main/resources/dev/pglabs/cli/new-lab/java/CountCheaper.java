package ${PACKAGE}.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * {@code ItemQueries.countCheaperThan(connection, limit)} in the worker, on a connection to the check's database
 * that the task opens (and closes) there as the check's role: what the student's method returned, as long as it
 * left that connection open (the task says the caller owns it).
 *
 * @param jdbcUrl  the check's database as the worker reaches it (no credentials in it)
 * @param login    user and password of the check's role
 */
public record CountCheaper(CodeRef code, String jdbcUrl, Properties login, BigDecimal limit)
        implements StudentTask<Integer> {

    public static final String CLASS = "app.items.ItemQueries";
    public static final String SIGNATURE = "public static int countCheaperThan(Connection connection, BigDecimal limit)";

    @Override
    public Integer run(WorkerContext context) throws Exception {
        Method count = method(context);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login)) {
            // What the student's method throws comes back (unwrapped) as the check's feedback.
            Integer result = (Integer) count.invoke(null, connection, limit);
            if (connection.isClosed()) {
                throw new SubmissionProblem(CheckStatus.FAILED, "countCheaperThan closed the connection it was given. "
                        + "The caller owns it and goes on using it: close only what your method opens (its statement "
                        + "and result set).");
            }
            return result;
        }
    }

    private Method method(WorkerContext context) throws ClassNotFoundException {
        if (!context.has(code, CLASS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + CLASS + " is missing. Expected it in "
                    + "src/main/java/" + CLASS.replace('.', '/') + ".java (check the package line and the class name).");
        }
        try {
            Method m = context.load(code, CLASS).getMethod("countCheaperThan", Connection.class, BigDecimal.class);
            if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != int.class) {
                throw new NoSuchMethodException();
            }
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, CLASS + " needs the method " + SIGNATURE
                    + " (as in the starter). Keep its name, parameters and return type.");
        }
    }
}
