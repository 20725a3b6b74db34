package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Output without end on both streams: it must cost the grader nothing and show up nowhere.
        String line = "pglabs-hostile-flood ".repeat(50);
        while (true) {
            System.out.println(line);
            System.err.println(line);
        }
    }
}
