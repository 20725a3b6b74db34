package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        return 42;
    }
}
