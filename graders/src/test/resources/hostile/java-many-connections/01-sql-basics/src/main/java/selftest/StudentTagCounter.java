package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public class StudentTagCounter implements TagCounter {

    private static final List<Connection> HOARD = new ArrayList<>();

    @Override
    public long countTags(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        String user = connection.getMetaData().getUserName();
        // Open connections as the own role until the server refuses, and never close them.
        for (int i = 0; i < 1000; i++) {
            HOARD.add(DriverManager.getConnection(url, user, ""));
        }
        return HOARD.size();
    }
}
