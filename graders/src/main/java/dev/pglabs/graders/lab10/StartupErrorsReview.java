package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.StudentDb.Outcome;
import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.grading.Problems;
import dev.pglabs.provisioning.DatabaseUrl;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pglabs.graders.lab10.Environments.describe;
import static dev.pglabs.graders.lab10.Environments.env;
import static dev.pglabs.graders.lab10.Pools.WRITER;

/** Exercise 2's start-up errors: a missing, blank or malformed DATABASE_URL stops the factory, naming the cause. */
final class StartupErrorsReview {

    private StartupErrorsReview() {
    }

    /** {@code malformed} is a URL with a bad sslmode whose password is {@code secret}. */
    static Problems of(StudentDb student, String malformed, String secret) {
        Problems problems = new Problems();
        for (Map<String, String> env : List.of(Map.<String, String>of(), env("DATABASE_URL", "  "))) {
            String shown = env.isEmpty() ? "an environment without DATABASE_URL" : "DATABASE_URL set to blanks";
            Outcome<BuildPool.Settings> pool = student.dataSource(WRITER, env);
            if (!pool.threw()) {
                problems.add("With " + shown + " your factory returned a pool. It must throw.");
            } else if (!(pool.thrown().is(IllegalStateException.class) || pool.thrown().is(IllegalArgumentException.class))
                    || !String.valueOf(pool.thrown().message()).contains("DATABASE_URL")) {
                problems.add("With " + shown + " your factory threw " + describe(pool.thrown()) + ". Throw an "
                        + "IllegalStateException (or IllegalArgumentException) whose message names DATABASE_URL.");
            }
        }
        Outcome<BuildPool.Settings> pool = student.dataSource(WRITER, env("DATABASE_URL", malformed));
        if (!pool.threw()) {
            problems.add("DATABASE_URL=" + DatabaseUrl.redact(malformed) + " (sslmode verify_full does not exist) gave "
                    + "a pool. It must throw, as DatabaseUrl.parse does.");
        } else if (Secrecy.contains(String.valueOf(pool.thrown().message()), Set.of(secret))) {
            problems.add("DATABASE_URL=" + DatabaseUrl.redact(malformed) + " made your factory throw an exception whose "
                    + "message holds the password: " + Secrecy.scrub(describe(pool.thrown()), Set.of(secret))
                    + ". Error messages end up in logs: name the problem, never the URL.");
        }
        return problems;
    }
}
