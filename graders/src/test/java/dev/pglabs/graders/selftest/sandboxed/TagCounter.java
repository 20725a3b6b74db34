package dev.pglabs.graders.selftest.sandboxed;

import java.sql.Connection;
import java.sql.SQLException;

/** The "course interface" of the self-test exercise: student code implements it, the grader calls it. */
public interface TagCounter {
    long countTags(Connection connection) throws SQLException;
}
