package dev.pglabs.graders.lab10;

import dev.pglabs.course.Course;
import dev.pglabs.grading.LabService;
import dev.pglabs.provisioning.RdsLikeServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Lab 10's RDS-like server ({@link RdsLikeServer}: TLS and SCRAM passwords only), as a {@link LabService}: exercise 3
 * connects the student's code to it. The grader starts it ahead while the first exercises run.
 */
public final class RdsLikeService implements LabService {

    private RdsLikeServer server;

    @Override
    public String description() {
        return "the RDS-like PostgreSQL server (TLS and SCRAM passwords)";
    }

    @Override
    public void start(Course course) {
        server = RdsLikeServer.start();
    }

    /** The running server. */
    public RdsLikeServer server() {
        return server;
    }

    @Override
    public boolean healthy() {
        try (Connection c = DriverManager.getConnection(server.admin().jdbcUrl(), server.admin().properties())) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
