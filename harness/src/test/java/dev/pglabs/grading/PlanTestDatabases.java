package dev.pglabs.grading;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.Dataset;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.provisioning.ScratchFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Real databases for the tests of the plan and catalog helpers: one server for the test JVM (the provider
 * chain decides: DATABASE_URL or embedded) and a fresh clone of a small dataset per test.
 */
final class PlanTestDatabases {

    /** 20,000 items in 100 groups (not stored in group order), no index but the primary key. */
    static final String ITEMS = """
            CREATE TABLE items (id integer PRIMARY KEY, grp integer NOT NULL, name text NOT NULL,
                                created_at timestamptz NOT NULL);
            INSERT INTO items
            SELECT n, (n * 37) % 100, 'item ' || ((n * 7919) % 20000), timestamptz '2024-01-01' + n * interval '1 minute'
            FROM generate_series(1, 20000) AS n;
            """;

    private static DatabaseFarm farm;
    private static Path scripts;

    private PlanTestDatabases() {
    }

    /** A fresh database holding the items table; close it after the test. */
    static CheckDatabase items() {
        return create("items.sql", ITEMS);
    }

    static synchronized CheckDatabase create(String fileName, String script) {
        try {
            if (farm == null) {
                farm = new DatabaseFarm(Provisioning.fromEnvironment().start(Optional.empty()), SandboxLimits.defaults());
                scripts = Files.createTempDirectory("pglabs-plan-tests");
                DatabaseFarm shared = farm;
                Path folder = scripts;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    shared.close();
                    shared.server().close();
                    ScratchFolders.deleteTree(folder);  // the dataset scripts: a run leaves nothing in /tmp
                }, "pglabs-plan-test-server"));
            }
            Path file = scripts.resolve(fileName);
            Files.writeString(file, script, StandardCharsets.UTF_8);
            return farm.create(new Dataset(List.of(file), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
