package dev.pglabs.graders.lab10.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.Thrown;
import dev.pglabs.worker.WorkerContext;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Properties;
import java.util.TreeMap;

/** {@code DatabaseUrl.parse(url)}: the JDBC URL and the properties as sorted text, or what it threw. */
public record ParseUrl(CodeRef code, String url) implements StudentTask<ParseUrl.Parsed> {

    /** What parse returned, or the exception it threw ({@code thrown} set). */
    public record Parsed(String jdbcUrl, TreeMap<String, String> properties, Thrown thrown) implements Serializable {
    }

    @Override
    public Parsed run(WorkerContext context) throws Exception {
        Method parse = AppDb.method(context, code, AppDb.URL_CLASS, "parse",
                "public static JdbcSettings parse(String databaseUrl)", String.class);
        Object result;
        try {
            result = parse.invoke(null, url);
        } catch (InvocationTargetException e) {
            if (!AppDb.isAnswer(e.getCause())) {
                throw e;
            }
            return new Parsed(null, null, WorkerContext.thrown(e.getCause()));
        }
        if (result == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "DatabaseUrl.parse returned null for "
                    + (url == null ? "null" : "\"" + url + "\"") + ". Return a JdbcSettings, or throw "
                    + "IllegalArgumentException.");
        }
        Class<?> type = result.getClass();
        Object jdbcUrl = accessor(type, "jdbcUrl").invoke(result);
        Object properties = accessor(type, "properties").invoke(result);
        TreeMap<String, String> map = new TreeMap<>();
        if (properties instanceof Properties p) {
            p.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
        } else if (properties != null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "JdbcSettings.properties() must return java.util.Properties.");
        }
        return new Parsed(jdbcUrl == null ? null : jdbcUrl.toString(), map, null);
    }

    private static Method accessor(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, type.getSimpleName() + " has no method " + name + "(). "
                    + "Keep JdbcSettings as the starter gives it: record JdbcSettings(String jdbcUrl, Properties properties).");
        }
    }
}
