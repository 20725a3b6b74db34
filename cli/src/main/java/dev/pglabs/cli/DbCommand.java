package dev.pglabs.cli;

import dev.pglabs.provisioning.DatabaseUrl;
import dev.pglabs.provisioning.LocalServer;
import dev.pglabs.provisioning.ProviderKind;
import dev.pglabs.provisioning.Provisioning;
import picocli.CommandLine.Command;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pglabs db …}: the course database server. */
@Command(name = "db", description = "Manage the course's PostgreSQL server.",
        subcommands = {DbCommand.Start.class, DbCommand.Stop.class, DbCommand.Status.class, DbCommand.Url.class})
final class DbCommand {

    @Command(name = "start", description = "Start the course's embedded PostgreSQL and keep it running "
            + "(later commands reuse it; connect with psql using 'pglabs db url').")
    static final class Start implements Runnable {
        @Override
        public void run() {
            LocalServer server = LocalServer.fromEnvironment();
            LocalServer.State state = server.start();
            System.out.println("The course database runs on port " + state.port() + ".");
            System.out.println("  psql \"$(./pglabs db url)\"");
            System.out.println("Its admin password is in " + server.passwordFile() + " (readable by you only), "
                    + "which that URL points psql at.");
            System.out.println("Stop it with: ./pglabs db stop");
        }
    }

    @Command(name = "stop", description = "Stop the server started by 'pglabs db start' and delete its data.")
    static final class Stop implements Runnable {
        @Override
        public void run() {
            System.out.println(LocalServer.fromEnvironment().stop() ? "Stopped the course database."
                    : "No course database was running.");
        }
    }

    @Command(name = "status", description = "Show which database grading would use.")
    static final class Status implements Runnable {
        @Override
        public void run() {
            Provisioning provisioning = Provisioning.fromEnvironment();
            System.out.println("DATABASE_URL: " + provisioning.databaseUrl().map(DatabaseUrl::redact).orElse("(not set)"));
            boolean docker = Provisioning.dockerAvailable();
            System.out.println("Docker engine: " + (docker ? "reachable" : "not reachable"));
            Optional<LocalServer.State> local = provisioning.courseServer().running();
            System.out.println("Course server (db start): "
                    + local.map(s -> "running on port " + s.port()).orElse("not running"));
            ProviderKind kind = provisioning.choose(Optional.empty());
            String detail = switch (kind) {
                case URL -> "the server in DATABASE_URL";
                case DOCKER -> "a PostgreSQL container (Testcontainers)";
                case EMBEDDED -> local.isPresent() ? "the running course server"
                        : "a private embedded PostgreSQL started for each command";
            };
            System.out.println("Grading will use: " + kind.label() + " — " + detail);
        }
    }

    @Command(name = "url", description = "Print the connection URL of the course database (for psql or your app). "
            + "For the course server it names a password file (passfile=…) that psql reads, so the password "
            + "never shows on a command line.")
    static final class Url implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--with-password", description = "Put the course server's password in "
                + "the URL itself (for a program that cannot read a password file; keep it off shared command lines).")
        boolean withPassword;

        @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "DATABASE",
                description = "A database on that server to connect to instead of postgres, e.g. blog.")
        String database;

        @Override
        public Integer call() {
            Provisioning provisioning = Provisioning.fromEnvironment();
            LocalServer server = provisioning.courseServer();
            Optional<String> url = provisioning.databaseUrl()
                    .map(u -> database == null ? u : DatabaseUrl.parse(u).withDatabase(database).libpqUri(true))
                    .or(() -> server.running().map(s -> withPassword ? s.admin(database).libpqUri(true)
                            : server.url(s, database)));
            if (url.isEmpty()) {
                System.err.println("No database is running. Start the course database with: ./pglabs db start");
                return 1;
            }
            System.out.println(url.get());
            return 0;
        }
    }
}
