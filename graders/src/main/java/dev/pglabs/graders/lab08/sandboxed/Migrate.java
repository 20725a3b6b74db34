package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.worker.StudentTask;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

import dev.pglabs.worker.WorkerContext;

/**
 * Flyway over the student's .sql migrations (a folder shared with the worker), on the blog after lab 07: the
 * database is baselined at version 4 and everything above it is applied. Flyway's refusal (a migration that fails,
 * a bad file name) comes back as data; null when every migration applied.
 */
public record Migrate(String folder, ConnectionTarget inside) implements StudentTask<Failure> {

    @Override
    public Failure run(WorkerContext context) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(inside.jdbcUrl());
        ds.setUser(inside.user());
        ds.setPassword(inside.password());
        try {
            Flyway.configure(Migrate.class.getClassLoader()).dataSource(ds).locations("filesystem:" + folder)
                    .baselineOnMigrate(true).baselineVersion("4").baselineDescription("lab 07 schema").load()
                    .migrate();
            return null;
        } catch (FlywayException f) {
            return Failure.of(f);
        }
    }
}
