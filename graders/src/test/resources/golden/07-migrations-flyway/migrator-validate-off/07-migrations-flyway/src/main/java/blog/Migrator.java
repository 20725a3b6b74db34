package blog;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.BaselineResult;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Lab 07 · the few lines of Java that bring the blog's database up to date when the application starts,
 * before it serves a single request. The same code runs against a laptop's empty database, a teammate's copy
 * at version 2 and production at version 1: Flyway looks at the database's history and applies what is missing.
 *
 * <p>The grader calls these methods with a {@link DataSource} for its own database (as an ordinary role, not an
 * administrator) and a folder of migrations; it never uses your db/migration folder for the Java checks.
 * Read README sections 3 and 8 first. Grade with: ./pglabs grade 07
 */
public final class Migrator {

    private Migrator() {
    }

    /**
     * The Flyway this application uses, configured with
     * <ul>
     *   <li>the given {@code dataSource}, and</li>
     *   <li>the migrations in the folder {@code migrations} (a folder on disk, not on the class path: the
     *       location is {@code "filesystem:" + migrations}),</li>
     * </ul>
     * and loaded. Flyway's safety settings stay as they are: validate on migrate stays on, clean
     * stays disabled (section 8 says why).
     */
    public static Flyway flyway(DataSource dataSource, Path migrations) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .validateOnMigrate(false)
                .load();
    }

    /**
     * What the application calls at start-up: migrates the database with {@link #flyway} and returns
     * Flyway's result. Nothing else: if Flyway refuses (say, an applied migration was edited), let its exception
     * out, so that the application does not start on a database it does not understand.
     */
    public static MigrateResult migrate(DataSource dataSource, Path migrations) {
        return flyway(dataSource, migrations).migrate();
    }

    /**
     * Adopts an existing database that was built by hand before the team used Flyway (its tables are
     * exactly what V1 creates, but it has no flyway_schema_history table): baselines it with {@link #flyway} at
     * version 1, Flyway's default, and returns Flyway's result. After that, {@link #migrate} applies V2 and
     * later, and never runs V1 there.
     */
    public static BaselineResult baseline(DataSource dataSource, Path migrations) {
        return flyway(dataSource, migrations).baseline();
    }
}
