package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;
import java.sql.SQLException;

/** The starter: the student replaces the throw with a query. */
public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("TODO count the tags");
    }
}
