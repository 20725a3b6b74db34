package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // A thread storm the grader could never stop.
        for (int i = 0; i < 10_000; i++) {
            new Thread(() -> { while (true) { } }).start();
        }
        try {
            // The reference answers, read from the course folder.
            String answer = Files.readString(Path.of(System.getProperty("pglabs.home"), "solutions", "README.md"));
            // Reaching into the grader to forge a result.
            Class<?> result = Class.forName("dev.pglabs.results.CheckFailure");
            return answer.length() + result.getDeclaredConstructors().length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
