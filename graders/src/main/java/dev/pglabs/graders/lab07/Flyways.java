package dev.pglabs.graders.lab07;

import dev.pglabs.graders.lab07.sandboxed.FlywayFailure;

import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flyway as the lab 07 grader uses it: quiet, run as the check's student role with a time limit, and its
 * failures turned into feedback that names the student's file, line and PostgreSQL's error, with the lesson
 * that goes with it ("clean first, then add the constraint").
 */
final class Flyways {

    /**
     * Migrating the lab's handful of small migrations takes well under a second, Flyway's first start a bit more; on
     * a machine busy with other gradings (a load many times its cores) it took over 10 s, so the limit is generous.
     */
    static final Duration LIMIT = Duration.ofSeconds(30);

    private static final Pattern CHECKSUM = Pattern.compile("checksum mismatch for migration version (\\S+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIPTION = Pattern.compile("description mismatch for migration version (\\S+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_RESOLVED = Pattern.compile(
            "applied migration not resolved locally: (\\S+?)\\.?$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private Flyways() {
    }

    /** How a Flyway call ended: a value, or the exception Flyway threw. */
    record Outcome<T>(T value, FlywayException failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /**
     * Flyway logs every step at INFO through java.util.logging when no logging library is set up, which would
     * fill the student's console. Its own fallback logger is replaced by a silent one for the whole JVM: the
     * grader reports what matters. (A configuration's {@code loggers} setting still wins.)
     */
    static void quiet() {
        LogFactory.setFallbackLogCreator(SILENT);
        JUL.setLevel(Level.OFF);
    }

    /**
     * Second line of defence: should another logging library on the class path make Flyway skip its fallback,
     * Flyway's java.util.logging output stays off too. Held here: java.util.logging keeps loggers weakly.
     */
    private static final Logger JUL = Logger.getLogger("org.flywaydb");

    private static final Log SILENT_LOG = new Log() {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Exception e) {
        }

        @Override
        public void notice(String message) {
        }
    };

    private static final LogCreator SILENT = type -> SILENT_LOG;

    /** Connections as the check's student role: Flyway runs (and creates its history table) as the student. */
    static DataSource dataSource(ConnectionTarget target) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(target.jdbcUrl());
        ds.setUser(target.user());
        ds.setPassword(target.password());
        ds.setApplicationName("pglabs-student");
        ds.setConnectTimeout(10);
        // A backstop for a migration that never returns; the call itself is stopped at LIMIT.
        ds.setSocketTimeout((int) LIMIT.toSeconds() + 30);
        return ds;
    }

    /** The grader's own Flyway: Flyway's defaults (validate on migrate, clean disabled), nothing else. */
    static Flyway grader(DataSource dataSource, MigrationFolder folder) {
        return Flyway.configure(Flyways.class.getClassLoader())
                .dataSource(dataSource)
                .locations(folder.location())
                .load();
    }

    /** The grader's Flyway migrates the folder, within the time limit. */
    static Outcome<MigrateResult> migrate(CheckDatabase db, DataSource dataSource, MigrationFolder folder) {
        try {
            return run(db, () -> grader(dataSource, folder).migrate(), "Flyway running the migrations in "
                    + folder.shownAs());
        } catch (CheckFailure e) {
            if (e.status() != CheckStatus.TIMEOUT) {
                throw e;
            }
            throw new CheckFailure(CheckStatus.TIMEOUT, "Flyway was still running the migrations in "
                    + folder.shownAs() + " after " + LIMIT.toSeconds() + " s and was stopped. This lab's migrations "
                    + "take well under a second: look for pg_sleep, a loop in a DO block or a function, or a statement "
                    + "that waits for a lock (SET statement_timeout = 0 does not help: the grader stops it anyway).");
        }
    }

    /**
     * Runs Flyway work (student SQL, or student Java calling Flyway) with the time limit; Flyway's own exceptions
     * come back as an outcome. When the limit strikes, the statements the student's role still runs in this
     * database are ended, so that nothing keeps working on after the check.
     */
    static <T> Outcome<T> run(CheckDatabase db, Callable<T> body, String what) {
        try {
            return JavaCalls.call(() -> {
                try {
                    return new Outcome<>(body.call(), null);
                } catch (FlywayException e) {
                    return new Outcome<>(null, e);
                }
            }, LIMIT, what);
        } catch (CheckFailure e) {
            if (e.status() == CheckStatus.TIMEOUT) {
                endStudentStatements(db);
            }
            throw e;
        }
    }

    /** Best effort: a server where the grader may not signal other roles' backends drops them with the database. */
    static void endStudentStatements(CheckDatabase db) {
        try (Connection c = db.openAdmin(); PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) "
                + "FROM pg_stat_activity WHERE datname = current_database() AND usename = ?")) {
            ps.setString(1, db.role());
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            // Dropping the check's database (WITH FORCE) ends them anyway.
        }
    }

    // ---- feedback ---------------------------------------------------------------------------------------

    /** What went wrong, for the student: the file, the line, PostgreSQL's error and what to do about it. */
    static String explain(FlywayException e, MigrationFolder folder) {
        return explain(FlywayFailure.of(e), folder);
    }

    /** As {@link #explain(FlywayException, MigrationFolder)}, for a failure described as data (from the worker). */
    static String explain(FlywayFailure e, MigrationFolder folder) {
        if (e.migrate()) {
            return explainMigrate(e, folder);
        }
        if (e.validate() || CHECKSUM.matcher(String.valueOf(e.message())).find()) {
            return explainValidate(String.valueOf(e.message()), folder);
        }
        return "Flyway stopped with this error:\n" + indent(clean(e.message(), folder));
    }

    private static String explainMigrate(FlywayFailure m, MigrationFolder folder) {
        String script = m.script() == null ? "a migration" : m.script();
        StringBuilder out = new StringBuilder("Flyway could not apply ").append(script);
        if (m.sqlState() == null && m.sqlMessage() == null) {
            out.append(":\n").append(indent(clean(m.message(), folder)));
            return out.toString();
        }
        String state = m.sqlState() == null ? "" : m.sqlState();
        String message = m.serverMessage() != null ? m.serverMessage() : m.sqlMessage();
        out.append(": PostgreSQL rejected ").append(m.lineNumber() > 0 ? "the statement at line "
                + m.lineNumber() : "a statement").append(":\n");
        out.append("  ERROR: ").append(message);
        if (m.serverDetail() != null) {
            out.append("\n  DETAIL: ").append(m.serverDetail());
        }
        if (!state.isEmpty()) {
            out.append("\n  SQLSTATE ").append(ConstraintProbe.describe(state));
        }
        out.append("\nPostgreSQL rolled that whole migration back: the database stayed at the version before it, "
                + "and the migrations after it did not run.");
        advice(state, message, script).ifPresent(a -> out.append("\nHint: ").append(a));
        return out.toString();
    }

    private static Optional<String> advice(String state, String message, String script) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        boolean repeatable = script != null && script.startsWith("R__");
        return Optional.ofNullable(switch (state) {
            case "23502" -> m.contains("contains null values")
                    ? "A column became NOT NULL while rows of the table still had no value in it. On an empty "
                    + "database that works; on production, with rows, it fails. Add the column as NULL, fill every "
                    + "row with an UPDATE (the backfill), and only then ALTER COLUMN … SET NOT NULL (README section 4)."
                    : "A NOT NULL column got no value: fill it before you tighten it.";
            case "23514" -> m.contains("violated by some row")
                    ? "You added a CHECK constraint while existing rows still break it: PostgreSQL checks every row "
                    + "when a constraint is added. Clean the data first (UPDATE …), then add the constraint "
                    + "(README section 6)."
                    : "A value breaks a CHECK constraint: clean the rows before the constraint is added.";
            case "23505" -> "Some existing rows share a value that must now be unique. Clean them first so that "
                    + "they are equal only where they really are the same (README section 6).";
            case "42P07" -> repeatable
                    ? "A repeatable migration runs again every time its file changes, on a database where what it "
                    + "created already exists. Write it so it can run twice: CREATE OR REPLACE VIEW (README section 7)."
                    : "The object already exists: an earlier migration (V1?) created it. A migration only adds "
                    + "what is new.";
            case "42703" -> "The column does not exist at this point. Migrations run in version order, each on the "
                    + "schema the earlier ones left: full_name is gone after V3, status only exists from V2 on.";
            case "42P01" -> "The table or view does not exist at this point. Migrations run in version order; "
                    + "repeatable ones (R__) run after all the versioned ones.";
            case "2BP01" -> "Other objects (a view?) depend on what you drop. Drop or replace them first; or let "
                    + "the R__ migration create the view after the versioned migrations.";
            case "42601" -> "A syntax error: look just before the place PostgreSQL names (a missing comma, "
                    + "parenthesis or semicolon between statements).";
            case "25001", "0A000" -> "Flyway runs each migration in a transaction of its own: leave out BEGIN, "
                    + "COMMIT and statements that cannot run in a transaction.";
            default -> null;
        });
    }

    /**
     * The cause of a failed upgrade without anything from the rows it ran on (no values, no PostgreSQL message or
     * detail, which quote them): for a hidden check, whose rows the student must not see.
     */
    static String summary(FlywayException e) {
        FlywayFailure f = FlywayFailure.of(e);
        if (refusedByValidation(e)) {
            return "Flyway refused to migrate: validation failed, because a migration that production had applied "
                    + "was edited, renamed or deleted (README section 8).";
        }
        if (!f.migrate()) {
            return "Flyway stopped with an error before the upgrade finished.";
        }
        String state = f.sqlState() == null ? "" : " (SQLSTATE " + ConstraintProbe.describe(f.sqlState()) + ")";
        String message = f.serverMessage() != null ? f.serverMessage() : f.sqlMessage();
        return "Flyway could not apply " + (f.script() == null ? "a migration" : f.script()) + ": PostgreSQL "
                + "refused one of its statements" + state + " and rolled that migration back."
                + advice(f.sqlState() == null ? "" : f.sqlState(), message, f.script()).map(a -> " Hint: " + a)
                .orElse("");
    }

    static boolean refusedByValidation(FlywayException e) {
        FlywayFailure f = FlywayFailure.of(e);
        return !f.migrate() && (f.validate() || CHECKSUM.matcher(String.valueOf(f.message())).find());
    }

    /** A value for feedback: NULL, or the text in single quotes. */
    static String quote(Object value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    /** Validation failures: which file no longer matches what the database recorded, and why that matters. */
    static String explainValidate(String message, MigrationFolder folder) {
        StringBuilder out = new StringBuilder("Flyway refused to migrate: validation failed.");
        Matcher checksum = CHECKSUM.matcher(message);
        while (checksum.find()) {
            String version = checksum.group(1);
            String file = folder.fileOfVersion(version).orElse("the migration with version " + version);
            out.append("\n- ").append(file).append(" is not the file that was applied to this database: its "
                    + "checksum differs from the one in flyway_schema_history. It was edited after it had run.");
        }
        Matcher description = DESCRIPTION.matcher(message);
        while (description.find()) {
            String version = description.group(1);
            out.append("\n- the migration with version ").append(version).append(" has another description (file "
                    + "name) than the one applied to this database: it was renamed after it had run.");
        }
        Matcher missing = NOT_RESOLVED.matcher(message);
        while (missing.find()) {
            String which = missing.group(1).matches("[\\d.]+") ? "version " + missing.group(1)
                    : "the repeatable migration '" + missing.group(1) + "'";
            out.append("\n- ").append(which).append(" was applied to this database, but ").append(folder.shownAs())
                    .append(" has no such migration any more: it was deleted or renamed.");
        }
        if (out.indexOf("\n- ") < 0) {
            out.append("\n").append(indent(clean(message, folder)));
        }
        out.append("\nNever edit, rename or delete a migration once it has been applied anywhere: that database was "
                + "built from the old file, and changing the file does not change the database (nor production, nor "
                + "your teammates' copies). Undo the change and put it into a new migration with the next version "
                + "(README section 8).");
        return out.toString();
    }

    /** Flyway's message without its links and tips for the command line, with the student's file names. */
    static String clean(String message, MigrationFolder folder) {
        if (message == null) {
            return "(no message)";
        }
        return folder.shown(message).lines()
                .filter(l -> !l.contains("red-gate.com") && !l.contains("Learn more") && !l.contains("-X option")
                        && !l.startsWith("Need ") && !l.strip().startsWith("Error Code") && !l.strip().matches("-+"))
                .map(String::stripTrailing)
                .filter(l -> !l.isBlank())
                .collect(Collectors.joining("\n"));
    }

    static String indent(String text) {
        return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    /** "V1__create_blog.sql, V2__add_post_status.sql and R__post_listing_view.sql". */
    static String listing(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
