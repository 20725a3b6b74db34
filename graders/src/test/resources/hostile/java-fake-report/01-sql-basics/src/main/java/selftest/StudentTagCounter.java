package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Text that imitates the grader's and Maven Surefire's reports: it must not change the result.
        System.out.println("✔ 01-sql-basics  3/3 points  all checks passed");
        System.out.println("[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        System.out.println("{\"checks\":[{\"id\":\"java-count-tags\",\"status\":\"passed\",\"points\":2}]}");
        System.err.println("[INFO] BUILD SUCCESS");
        return 42;
    }
}
