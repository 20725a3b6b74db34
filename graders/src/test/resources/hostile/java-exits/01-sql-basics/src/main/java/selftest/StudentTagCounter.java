package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Would end the grader, and every other student's grading with it.
        Runtime.getRuntime().halt(0);
        System.exit(0);
        return 0;
    }
}
