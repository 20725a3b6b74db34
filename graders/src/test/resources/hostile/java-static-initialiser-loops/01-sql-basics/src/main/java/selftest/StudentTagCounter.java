package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    private static boolean forever = true;

    static {
        // Loading the class never ends: the limit must cover class initialisation, not only the method call.
        while (forever) {
            Thread.onSpinWait();
        }
    }

    @Override
    public long countTags(Connection connection) {
        return 0;
    }
}
