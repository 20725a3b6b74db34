package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Allocates without end, holding on to the last 128 MB: garbage the worker's collector keeps up with, so it
        // runs until the time limit, pressing the machine for memory and processor time all the while.
        byte[][] kept = new byte[512][];
        for (long i = 0; ; i++) {
            kept[(int) (i % kept.length)] = new byte[256 << 10];
        }
    }
}
