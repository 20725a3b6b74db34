package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // The grader's environment and system properties, sent back as an exception message: in the worker they
        // are not there to send.
        throw new IllegalStateException("LEAK[secret=" + System.getenv("PGLABS_HOSTILE_SECRET")
                + " property=" + System.getProperty("pglabs.hostile.secret")
                + " url=" + System.getenv("PGLABS_HOSTILE_SUPERUSER_URL")
                + " env=" + System.getenv() + " properties=" + System.getProperties() + "]");
    }
}
