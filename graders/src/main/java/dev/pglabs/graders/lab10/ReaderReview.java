package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.sandboxed.BuildPool;
import dev.pglabs.grading.Problems;

import java.util.Map;

import static dev.pglabs.graders.lab10.Environments.env;
import static dev.pglabs.graders.lab10.Pools.READER;
import static dev.pglabs.graders.lab10.Pools.WRITER;
import static dev.pglabs.graders.lab10.Pools.build;
import static dev.pglabs.graders.lab10.Pools.mustConnect;

/**
 * Exercise 4: the reader pool on DATABASE_READER_URL (else DATABASE_URL), read-only, with the writer's settings; the
 * writer pool stays read-write. {@code writer} and {@code reader} are two databases with the same data.
 */
final class ReaderReview {

    /** A database the pools must reach: its name, its user, the URL naming it. */
    record Endpoint(String database, String user, String url) {
    }

    private ReaderReview() {
    }

    static Problems of(StudentDb student, Endpoint writer, Endpoint reader, long posts) {
        Problems problems = new Problems();
        Map<String, String> both = env("DATABASE_URL", writer.url(), "DATABASE_READER_URL", reader.url());
        Pools.Session onReader = mustConnect(student, READER, both, "the reader endpoint");
        onReader.differences(reader.database(), reader.user(), posts)
                .forEach(p -> problems.add("readerFromEnvironment with DATABASE_READER_URL set: " + p));
        problems.addIf(!onReader.readOnly(), "Connections of the reader pool are not read-only "
                + "(Connection.isReadOnly() is false): call config.setReadOnly(true).");
        Pools.Session onWriter = mustConnect(student, WRITER, both, "the writer endpoint");
        onWriter.differences(writer.database(), writer.user(), posts)
                .forEach(p -> problems.add("fromEnvironment with DATABASE_READER_URL set: " + p));
        problems.addIf(onWriter.readOnly(), "Connections of the writer pool (fromEnvironment) are read-only: only "
                + "the reader pool is.");
        Pools.Session fallback = mustConnect(student, READER, env("DATABASE_URL", writer.url()),
                "the writer (no reader endpoint set)");
        fallback.differences(writer.database(), writer.user(), posts).forEach(p -> problems.add(
                "readerFromEnvironment without DATABASE_READER_URL (it must use DATABASE_URL): " + p));
        problems.addIf(!fallback.readOnly(), "Without DATABASE_READER_URL the reader pool uses the writer, but it must "
                + "still be read-only.");
        BuildPool.Settings sized = build(student, READER, env("DATABASE_URL", writer.url(), "DATABASE_READER_URL",
                reader.url(), "DB_POOL_SIZE", "7"));
        problems.addIf(sized.maximumPoolSize() != 7, "With DB_POOL_SIZE=7 the reader pool's maximumPoolSize is "
                + sized.maximumPoolSize() + ": the reader pool takes the same settings as the writer (share the "
                + "code that builds both).");
        PoolSettingsReview.timeouts(sized, problems, "The reader pool's ");
        return problems;
    }
}
