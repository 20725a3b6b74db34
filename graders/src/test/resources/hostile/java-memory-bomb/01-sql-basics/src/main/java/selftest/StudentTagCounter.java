package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Keeps every megabyte it allocates.
        List<long[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new long[128 << 10]);
        }
    }
}
