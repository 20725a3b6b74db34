package dev.pglabs.graders.selftest.sandboxed;

import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The connection the student's {@code countTags} gets, opened in the worker before the timed call: a fresh worker
 * loads the driver and its query path here, so the student's limit (3 or 5 s) measures the student's code only.
 */
public record OpenConnection(ConnectionTarget target) implements StudentTask<Handle> {

    @Override
    public Handle run(WorkerContext context) throws Exception {
        Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.properties());
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT 1");
        }
        return context.keep(connection);
    }
}
