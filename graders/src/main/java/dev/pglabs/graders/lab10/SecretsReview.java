package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.grading.Problems;
import dev.pglabs.submission.LabFiles;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pglabs.graders.lab10.Environments.env;
import static dev.pglabs.graders.lab10.Environments.show;
import static dev.pglabs.graders.lab10.Pools.WRITER;

/**
 * Exercise 2's secrets: no password-like literal in the code, the pool's password taken from DATABASE_URL, and none
 * printed while a pool is built (from a good URL or a malformed one).
 */
final class SecretsReview {

    private SecretsReview() {
    }

    static Problems of(StudentDb student, LabFiles files, String url, String password, String malformed,
                       Set<String> secrets) {
        Problems problems = new Problems();
        List<SecretScan.Finding> findings = SecretScan.scan(files);
        problems.addIf(!findings.isEmpty(), "Your code holds what looks like a secret (strings masked here):\n    "
                + String.join("\n    ", findings.stream().map(Object::toString).toList())
                + "\n  A password in the code is in every copy of the repository and in its history forever.");
        Map<String, String> env = env("DATABASE_URL", url);
        // What the student's code prints goes nowhere in the worker; the task records it while the pool is built.
        BuildPool.Built built = student.dataSourcePrinting(WRITER, env);
        if (built.thrown() != null) {
            throw new AssertionFailedError("DataSourceFactory." + WRITER + " failed with\n" + show(env) + "\n  "
                    + ConnectionProblems.explain(built.thrown()));
        }
        String used = built.settings().password();
        problems.addIf(!password.equals(used), "The pool's password is " + (used == null ? "not set"
                : "not the one in DATABASE_URL") + ". Take it from DATABASE_URL (DatabaseUrl.parse puts it in the "
                + "properties).");
        BuildPool.Built broken = student.dataSourcePrinting(WRITER, env("DATABASE_URL", malformed));
        List<String> printed = Secrecy.linesWith(built.printed() + "\n" + broken.printed(), secrets);
        problems.addIf(!printed.isEmpty(), "While building the pool your code printed the password (masked here):\n    "
                + String.join("\n    ", printed) + "\n  Whatever goes to the console ends up in log files that many "
                + "people read. Print the host and database if you like, never the URL or the password.");
        return problems;
    }
}
