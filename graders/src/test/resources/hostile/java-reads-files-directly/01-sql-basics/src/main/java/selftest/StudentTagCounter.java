package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Scanner;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // The machine's and the course's files, read the plain way: the bytecode policy names it before anything runs.
        try (Scanner host = new Scanner(Path.of("/etc/hostname"))) {
            String solution = Files.readString(Path.of("@PGLABS_HOME@/solutions/01-sql-basics/01-all-tags.sql"));
            throw new IllegalStateException("LEAK[host=" + host.nextLine() + " solution=" + solution + "]");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
