package dev.pglabs.cli;

import dev.pglabs.provisioning.ProviderKind;
import picocli.CommandLine.Option;

import java.util.Optional;

/** The {@code --db} option shared by the commands that need a database. */
final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "auto|url|docker|embedded", defaultValue = "auto",
            description = "Where to run PostgreSQL: auto (DATABASE_URL, else Docker, else embedded), "
                    + "url, docker or embedded. Default: ${DEFAULT-VALUE}.")
    String db;

    Optional<ProviderKind> provider() {
        return db == null || db.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(ProviderKind.parse(db));
    }
}
