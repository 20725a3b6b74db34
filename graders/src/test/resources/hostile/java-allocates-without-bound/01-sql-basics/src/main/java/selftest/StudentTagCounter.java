package selftest;

import dev.pglabs.graders.selftest.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Allocates without end, holding on to the last 128 MB: without a limit this runs until the time limit,
        // pressing every other check in the grader for memory all the while.
        byte[][] kept = new byte[512][];
        for (long i = 0; ; i++) {
            kept[(int) (i % kept.length)] = new byte[256 << 10];
        }
    }
}
