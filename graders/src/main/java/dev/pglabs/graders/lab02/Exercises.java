package dev.pglabs.graders.lab02;

import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;

/**
 * The four files of lab 02 and how one exercise is run: a fresh database, the grader's tables for the earlier
 * exercises ({@link StartingTables}), then the student's file. The notes say what the grader set up, so that an
 * error in the student's file is read against the tables it really ran on.
 */
final class Exercises {

    static final String USERS_FILE = "01-users.sql";
    static final String PROFILES_FILE = "02-profiles.sql";
    static final String POSTS_FILE = "03-posts.sql";
    static final String ALTER_FILE = "04-alter.sql";

    static final String USERS_BEFORE = "Before running your file, the grader created users with the columns "
            + "and key exercise 01 asks for (its own table, so that a mistake in your 01-users.sql does not count "
            + "twice).";
    static final String USERS_PROFILES_BEFORE = "Before running your file, the grader created users and "
            + "profiles with the columns and keys exercises 01 and 02 ask for (its own tables, so that a mistake in "
            + "your earlier files does not count twice).";
    static final String ALL_BEFORE = "Before running your file, the grader created users, profiles and "
            + "posts with the columns and keys exercises 01-03 ask for (its own tables) and added 3 users and 6 "
            + "posts, two of them by different authors with the same title 'Hello, world'.";

    static final String KEEP_COLUMNS = "04-alter.sql must change the tables, not drop or rename their "
            + "columns.";

    private Exercises() {
    }

    /**
     * Reads the student's file (missing or TODO-only files fail here, before any database is made), creates the
     * tables this exercise starts from with the reference DDL, then runs the file as the student. An SQL error in
     * the file ends the check as an error, with a note on what the grader had set up before it.
     */
    static CheckDatabase runOnFreshDatabase(LabFiles files, SqlCheck sql, String file, String setUpNote,
                                            String... startingTables) {
        SqlAnswer answer = files.sql(file);
        CheckDatabase db = sql.database();
        if (startingTables.length > 0) {
            StartingTables.create(db, startingTables);
        }
        try {
            db.student().execute(answer.statements(), answer.origin());
        } catch (StudentSqlException e) {
            if (setUpNote == null) {
                throw e;
            }
            throw new CheckFailure(CheckStatus.ERROR, e.getMessage() + "\n\n" + setUpNote, e);
        }
        return db;
    }

    /** Exercise 04 starts from all three tables holding rows. */
    static CheckDatabase runAlter(LabFiles files, SqlCheck sql) {
        return runOnFreshDatabase(files, sql, ALTER_FILE, ALL_BEFORE, StartingTables.USERS,
                StartingTables.PROFILES, StartingTables.POSTS, StartingTables.ROWS_BEFORE_ALTER);
    }

    static String fixFirst(String columnsCheck) {
        return "The check " + columnsCheck + " says what the columns should be; fix that first.";
    }

    static String origin(LabFiles files, String file) {
        return files.sql(file).origin();
    }
}
