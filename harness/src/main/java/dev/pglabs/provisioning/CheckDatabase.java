package dev.pglabs.provisioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fresh database of one check. The grader uses {@link #openAdmin()} for reference queries and
 * set-up; the student's SQL runs through {@link #student()} as the check's unprivileged role.
 * Closing it closes every connection and drops the database in the background.
 */
public final class CheckDatabase implements AutoCloseable {

    private final DatabaseFarm farm;
    private final String name;
    private final String role;
    private final ConnectionTarget adminTarget;
    private final ConnectionTarget studentTarget;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private StudentSession student;
    private boolean closed;

    CheckDatabase(DatabaseFarm farm, String name, String role, ConnectionTarget adminTarget,
                  ConnectionTarget studentTarget) {
        this.farm = farm;
        this.name = name;
        this.role = role;
        this.adminTarget = adminTarget;
        this.studentTarget = studentTarget;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    /** How the student's code connects (their role, their database only). */
    public ConnectionTarget studentTarget() {
        return studentTarget;
    }

    /** How the grader connects: full rights, on this database only. */
    public ConnectionTarget adminTarget() {
        return adminTarget;
    }

    /** A new administrative connection to this database, closed with the check. */
    public synchronized Connection openAdmin() {
        try {
            Connection c = DatabaseFarm.connect(adminTarget);
            opened.add(c);
            return c;
        } catch (SQLException e) {
            throw new ProvisioningException("Could not connect to the check database: " + e.getMessage(), e);
        }
    }

    /**
     * Another session of the student's role, e.g. for concurrent clients in a transactions lab; closed with
     * the check. The role's connection limit ({@link SandboxLimits#connections()}) caps how many.
     */
    public synchronized StudentSession openStudent() {
        StudentSession session = new StudentSession(studentTarget, farm.limits(), farm::terminate);
        opened.add(session);
        return session;
    }

    /**
     * Another session of the student's role whose statements may run up to {@code statementTimeout} instead of the
     * sandbox's default (e.g. answers that build indexes on a table of a million rows); closed with the check.
     * The role's own statement_timeout setting is only advice: run {@code SET statement_timeout} in the session too.
     */
    public synchronized StudentSession openStudent(Duration statementTimeout) {
        StudentSession session = new StudentSession(studentTarget, farm.limits().withStatementTimeout(statementTimeout),
                farm::terminate);
        opened.add(session);
        return session;
    }

    /** The student's session: their SQL runs here, under the sandbox limits. */
    public synchronized StudentSession student() {
        if (student == null) {
            student = new StudentSession(studentTarget, farm.limits(), farm::terminate);
            opened.add(student);
        }
        return student;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // Dropping the database with FORCE ends whatever is left.
            }
        }
        farm.dropLater(name, role);
    }
}
