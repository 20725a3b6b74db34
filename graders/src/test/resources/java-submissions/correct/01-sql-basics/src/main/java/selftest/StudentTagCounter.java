package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM tags")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
