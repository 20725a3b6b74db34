package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Swallows interrupts and even ThreadDeath: the call must still end as a timeout.
        while (true) {
            try {
                Thread.sleep(50);
            } catch (Throwable ignored) {
                // keep going
            }
        }
    }
}
