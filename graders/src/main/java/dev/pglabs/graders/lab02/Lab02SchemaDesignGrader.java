package dev.pglabs.graders.lab02;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.grading.ConstraintProbe.SqlState;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.DisplayName;

import java.util.List;
import java.util.Objects;

import static dev.pglabs.graders.lab02.Exercises.*;
import static dev.pglabs.graders.lab02.RuleProbes.assertRules;
import static dev.pglabs.graders.lab02.TableDesign.*;
import static dev.pglabs.graders.lab02.TestRows.*;

/**
 * Grades lab 02 (schema design): the student writes the DDL of users, profiles and posts, then changes them
 * with ALTER TABLE. Each exercise is graded through the catalog (columns, types, primary key: {@link
 * CatalogInspector}) and through behaviour (rows that break a rule are rejected with the expected SQLSTATE,
 * valid rows are accepted, defaults are filled in: {@link ConstraintProbe}, run as the student).
 *
 * <p>The database starts empty. A later exercise runs on top of the grader's own tables for the earlier
 * ones ({@link StartingTables}: columns and keys, none of the rules), so that a mistake in 01 does not cost the
 * points of 02–04 too; the last check runs the student's own four files in order, as migrations would ({@link
 * FilesInOrder}). Hidden checks try the edge cases that a partial or lucky answer gets wrong (boundaries, a
 * default that is a constant instead of the current time, a rule that is too strict). The probes' statements
 * are in {@link TestRows}, the shared probes in {@link RuleProbes}, exercise 04's in {@link AlteredTables}.
 */
@Grader(lab = "02-schema-design")
@DisplayName("Lab 02 · Schema design")
class Lab02SchemaDesignGrader {

    // ==== 01 users =====================================================================================

    @Check(id = "01-users-columns", points = 2,
            hint = "Compare each column with the task: its type, whether it may be NULL, and how the id gets its "
                    + "value (section 3 of the README shows how PostgreSQL generates ids).")
    @DisplayName("01 creates users with the right columns, types and primary key")
    void e01a_usersColumns(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, USERS_FILE, null);
        TableDesign.assertColumnsAndKey(new CatalogInspector(db), "users", origin(files, USERS_FILE), List.of(
                generatedId("id"), text("username", 50), text("email", 50), text("full_name", 50),
                text("city", 50), timestamptz("created_at")),
                "id", "Add PRIMARY KEY to the id column.");
    }

    @Check(id = "01-users-rules", points = 3,
            hint = "NOT NULL on username, email, full_name and created_at; UNIQUE on username and on email "
                    + "(separately, not one UNIQUE over both); CHECK (email LIKE '%@%'); DEFAULT now() on created_at.")
    @DisplayName("01 users rejects rows that break a rule and fills in the defaults")
    void e01b_usersRules(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, USERS_FILE, null);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireColumnsForRules(catalog, "users", origin(files, USERS_FILE),
                fixFirst("01-users-columns"), "id", "username", "email", "full_name", "city", "created_at");
        ConstraintProbe probe = new ConstraintProbe(db);

        boolean minimal = RuleProbes.expectUserDefaults(probe, catalog);
        boolean full = probe.expectAccepted(insertUser("'jweber'", "'jonas.weber@posteo.de'", "'Jonas Weber'",
                "'Berlin'", "'2023-01-16 13:55:00+00'"), "a user with every column given");
        if (minimal && full && !Objects.equals(count(probe, "SELECT count(DISTINCT id) FROM users "
                + "WHERE username IN ('ana.ferreira', 'jweber')"), 2L)) {
            probe.problem("Two users got the same id (or none): id must be generated, a new number for each row.");
        }
        probe.expectRejected(insertUser("NULL", "'nobody.1@example.com'", "'No Name'", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a user without a username", "username must be NOT NULL");
        probe.expectRejected(insertUser("'nobody.2'", "NULL", "'No Name'", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a user without an email", "email must be NOT NULL");
        probe.expectRejected(insertUser("'nobody.3'", "'nobody.3@example.com'", "NULL", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a user without a full_name", "full_name must be NOT NULL");
        probe.expectRejected(insertUser("'nobody.4'", "'nobody.4@example.com'", "'No Name'", "NULL", "NULL"),
                SqlState.NOT_NULL, "inserting a user with created_at = NULL", "created_at must be NOT NULL");
        if (full) {
            probe.expectRejected(insertUser("'jweber'", "'another.jonas@example.com'", "'Jonas Other'", "NULL",
                    "now()"), SqlState.UNIQUE, "inserting a second user with the username 'jweber'",
                    "username must be UNIQUE");
            probe.expectRejected(insertUser("'jonas.w'", "'jonas.weber@posteo.de'", "'Jonas W'", "NULL",
                    "now()"), SqlState.UNIQUE, "inserting a second user with the email 'jonas.weber@posteo.de'",
                    "email must be UNIQUE on its own, not only together with username");
        }
        probe.expectRejected(insertUser("'kofi.mensah'", "'kofi.mensah.example.com'", "'Kofi Mensah'", "NULL",
                "now()"), SqlState.CHECK, "inserting a user whose email 'kofi.mensah.example.com' has no '@'",
                "email must contain an '@' (a CHECK constraint)");
        probe.expectAccepted(insertUser("'ana'", "'ana@localhost'", "'Ana'", "NULL", "now()"),
                "a user whose email is 'ana@localhost' (the task calls it a valid email: the rule is only an '@')");
        assertRules(probe, catalog, "users", origin(files, USERS_FILE));
    }

    // ==== 02 profiles ==================================================================================

    @Check(id = "02-profiles-columns",
            hint = "A profile belongs to exactly one user, and a user has at most one profile: which column can be "
                    + "both the key of profiles and the link to users?")
    @DisplayName("02 creates profiles keyed by user_id (one-to-one), with the right types")
    void e02a_profilesColumns(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, PROFILES_FILE, USERS_BEFORE, StartingTables.USERS);
        TableDesign.assertColumnsAndKey(new CatalogInspector(db), "profiles", origin(files, PROFILES_FILE), List.of(
                reference("user_id", "users"), text("bio", 500), text("website", 100), date("birth_date")),
                "user_id", "In a one-to-one table the foreign key user_id is also the primary key: that is what "
                        + "allows at most one profile per user. Do not add a separate id column.");
    }

    @Check(id = "02-profiles-rules", points = 2,
            hint = "Each rule of the task is one constraint: a range for the birth date (both ends), and what "
                    + "happens to a profile when its user is deleted.")
    @DisplayName("02 profiles belong to an existing user, go with it, and check birth_date")
    void e02b_profilesRules(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, PROFILES_FILE, USERS_BEFORE, StartingTables.USERS);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireColumnsForRules(catalog, "profiles", origin(files, PROFILES_FILE),
                fixFirst("02-profiles-columns"), "user_id", "bio", "website", "birth_date");
        ConstraintProbe probe = new ConstraintProbe(db);
        setUp(probe, "INSERT INTO users (username, email, full_name) VALUES "
                + "('ana.ferreira', 'ana.ferreira@gmail.com', 'Ana Ferreira'), "
                + "('jweber', 'jonas.weber@posteo.de', 'Jonas Weber'), "
                + "('priya_n', 'priya.natarajan@outlook.com', 'Priya Natarajan'), "
                + "('kofi.mensah', 'kofi.mensah@gmail.com', 'Kofi Mensah')", PROFILES_FILE);

        boolean anaProfile = probe.expectAccepted(insertProfile("ana.ferreira", "'Backend developer, SQL nerd.'",
                "'https://anaferreira.dev'", "'1990-04-17'"), "a profile with every column given");
        if (probe.expectAccepted("INSERT INTO profiles (user_id) SELECT id FROM users WHERE username = 'priya_n'",
                "a profile with only user_id (bio, website and birth_date are optional)")) {
            probe.expectRejected("INSERT INTO profiles (user_id) SELECT id FROM users WHERE username = 'priya_n'",
                    SqlState.UNIQUE, "inserting a second profile for the user priya_n", "a user has at most one "
                            + "profile: no two profiles may have the same user_id (what key makes a column unique?)");
        }
        probe.expectRejected("INSERT INTO profiles (user_id, bio) "
                        + "SELECT max(id) + 1000, 'I do not exist.' FROM users",
                SqlState.FOREIGN_KEY, "inserting a profile for a user that does not exist",
                "user_id must be a FOREIGN KEY that REFERENCES users (id)");
        probe.expectRejected(insertProfile("jweber", "NULL", "NULL", "'1899-12-31'"), SqlState.CHECK,
                "inserting a profile with birth_date 1899-12-31", "birth_date must be on or after 1900-01-01 "
                        + "(a CHECK constraint)");
        probe.expectRejected(insertProfile("kofi.mensah", "NULL", "NULL", "CURRENT_DATE + 1"), SqlState.CHECK,
                "inserting a profile with birth_date tomorrow (CURRENT_DATE + 1)", "birth_date must be in the past "
                        + "(a CHECK constraint)");
        if (anaProfile) {
            RuleProbes.expectCascade(probe, catalog, "profiles", "ana.ferreira",
                    "deleting the user ana.ferreira, who has a profile,", "A profile must not keep its user alive: "
                            + "declare the foreign key ON DELETE CASCADE, so that deleting a user deletes their "
                            + "profile too. ", "After deleting the user ana.ferreira, her profile is still there, "
                            + "pointing to a user that no longer exists: user_id needs REFERENCES users (id) ON DELETE "
                            + "CASCADE.");
        }
        assertRules(probe, catalog, "profiles", origin(files, PROFILES_FILE));
    }

    // ==== 03 posts =====================================================================================

    @Check(id = "03-posts-columns", points = 2,
            hint = "Eight columns with the exact names of the task; id generated (identity or serial) and the primary "
                    + "key; user_id integer; views integer; published_at and created_at timestamptz.")
    @DisplayName("03 creates posts with the right columns, types and primary key")
    void e03a_postsColumns(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, POSTS_FILE, USERS_PROFILES_BEFORE, StartingTables.USERS,
                StartingTables.PROFILES);
        TableDesign.assertColumnsAndKey(new CatalogInspector(db), "posts", origin(files, POSTS_FILE), List.of(
                generatedId("id"), reference("user_id", "users"), text("title", 100), text("body", 1000),
                text("status", 9), wholeNumber("views"), timestamptz("published_at"), timestamptz("created_at")),
                "id", "Add PRIMARY KEY to the id column.");
    }

    @Check(id = "03-posts-rules", points = 3,
            hint = "A post cannot exist without its author: the foreign key needs an ON DELETE rule (section 7). "
                    + "Check also each CHECK the task lists.")
    @DisplayName("03 posts rejects rows that break a rule and fills in the defaults")
    void e03b_postsRules(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, POSTS_FILE, USERS_PROFILES_BEFORE, StartingTables.USERS,
                StartingTables.PROFILES);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireColumnsForRules(catalog, "posts", origin(files, POSTS_FILE),
                fixFirst("03-posts-columns"), "id", "user_id", "title", "body", "status", "views", "published_at",
                "created_at");
        ConstraintProbe probe = new ConstraintProbe(db);
        setUp(probe, "INSERT INTO users (username, email, full_name) VALUES "
                + "('ana.ferreira', 'ana.ferreira@gmail.com', 'Ana Ferreira'), "
                + "('jweber', 'jonas.weber@posteo.de', 'Jonas Weber')", POSTS_FILE);

        RuleProbes.expectPostDefaults(probe, catalog);
        probe.expectAccepted(insertPost("'ana.ferreira'", "'Second steps'", "'Again.'", "'draft'", "0", "NULL",
                "now()"), "a second post by ana.ferreira (a user writes many posts)");
        boolean full = probe.expectAccepted(insertPost("'jweber'", "'Tuning autovacuum'", "'Read the plan first.'",
                "'published'", "6004", "'2023-02-15 23:35:00+00'", "'2023-02-14 15:00:00+00'"),
                "a published post with every column given");
        probe.expectRejected(insertPost("NULL", "'No author'", "'Text.'", "'draft'", "0", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a post without a user_id", "user_id must be NOT NULL");
        probe.expectRejected(insertPost("'jweber'", "NULL", "'Text.'", "'draft'", "0", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a post without a title", "title must be NOT NULL");
        probe.expectRejected(insertPost("'jweber'", "'No body'", "NULL", "'draft'", "0", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a post without a body", "body must be NOT NULL");
        probe.expectRejected(insertPost("'jweber'", "'No status'", "'Text.'", "NULL", "0", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a post with status = NULL", "status must be NOT NULL");
        probe.expectRejected(insertPost("'jweber'", "'No views'", "'Text.'", "'draft'", "NULL", "NULL", "now()"),
                SqlState.NOT_NULL, "inserting a post with views = NULL", "views must be NOT NULL");
        probe.expectRejected(insertPost("'jweber'", "'No date'", "'Text.'", "'draft'", "0", "NULL", "NULL"),
                SqlState.NOT_NULL, "inserting a post with created_at = NULL", "created_at must be NOT NULL");
        probe.expectRejected(insertPost("'jweber'", "''", "'Text.'", "'draft'", "0", "NULL", "now()"),
                SqlState.CHECK, "inserting a post whose title is the empty string ''",
                "a title must not be empty (a CHECK constraint)");
        probe.expectRejected(insertPost("'jweber'", "'Deleted?'", "'Text.'", "'deleted'", "0", "NULL", "now()"),
                SqlState.CHECK, "inserting a post with status 'deleted'",
                "status must be one of 'draft', 'published', 'archived' (a CHECK constraint)");
        probe.expectRejected(insertPost("'jweber'", "'Negative'", "'Text.'", "'draft'", "-1", "NULL", "now()"),
                SqlState.CHECK, "inserting a post with views = -1",
                "views must never be negative (a CHECK constraint)");
        probe.expectRejected("INSERT INTO posts (user_id, title, body) SELECT max(id) + 1000, 'Ghost', 'Boo.' "
                        + "FROM users", SqlState.FOREIGN_KEY, "inserting a post by a user that does not exist",
                "user_id must be a FOREIGN KEY that REFERENCES users (id)");
        if (full) {
            RuleProbes.expectCascade(probe, catalog, "posts", "jweber", "deleting the user jweber, who has a post,",
                    "Deleting a user must delete their posts: declare the foreign key ON DELETE CASCADE. ",
                    "After deleting the user jweber, his post is still there, pointing to a user that no longer "
                            + "exists: user_id needs REFERENCES users (id) ON DELETE CASCADE.");
        }
        assertRules(probe, catalog, "posts", origin(files, POSTS_FILE));
    }

    // ==== 04 alter =====================================================================================

    @Check(id = "04-alter-is-active",
            hint = "Existing rows get the new column too: with NOT NULL, they need a value from the start. What "
                    + "does a DEFAULT do when a column is added?")
    @DisplayName("04 adds users.is_active (boolean, NOT NULL, default true) to existing rows")
    void e04a_isActive(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runAlter(files, sql);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireTable(catalog, "users", origin(files, ALTER_FILE));
        AlteredTables.requireIsActive(catalog, files.sql(ALTER_FILE));
        ConstraintProbe probe = new ConstraintProbe(db);
        if (AlteredTables.rowsKept(probe, "users", StartingTables.USERS_BEFORE_ALTER)) {
            AlteredTables.expectExistingUsersActive(probe);
        }
        AlteredTables.expectNewUsersActive(probe);
        probe.expectRejected("INSERT INTO users (username, email, full_name, is_active) "
                + "VALUES ('null.user', 'null.user@example.com', 'Null User', NULL)", SqlState.NOT_NULL,
                "inserting a user with is_active = NULL", "is_active must be NOT NULL");
        probe.expectAccepted("INSERT INTO users (username, email, full_name, is_active) "
                + "VALUES ('gone.user', 'gone.user@example.com', 'Gone User', false)",
                "an inactive user (is_active false)");
        assertRules(probe, catalog, "users", origin(files, ALTER_FILE));
    }

    @Check(id = "04-alter-unique-title",
            hint = "ALTER TABLE posts ADD UNIQUE (user_id, title): one constraint over both columns. UNIQUE (title) "
                    + "alone would forbid two authors from using the same title (and fails on the existing rows).")
    @DisplayName("04 makes (user_id, title) of posts unique: one author, one title")
    void e04b_uniqueTitle(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runAlter(files, sql);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireColumnsForRules(catalog, "posts", origin(files, ALTER_FILE), KEEP_COLUMNS,
                "user_id", "title", "body", "status", "published_at");
        ConstraintProbe probe = new ConstraintProbe(db);
        AlteredTables.rowsKept(probe, "posts", StartingTables.POSTS_BEFORE_ALTER);
        probe.expectRejected(insertPost("'jweber'", "'Hello, world'", "'Again.'", "'draft'", "0", "NULL", "now()"),
                SqlState.UNIQUE, "inserting a second post titled 'Hello, world' by jweber",
                "(user_id, title) must be UNIQUE");
        probe.expectAccepted(insertPost("'priya_n'", "'Hello, world'", "'Me too.'", "'draft'", "0", "NULL", "now()"),
                "a post titled 'Hello, world' by priya_n, who has none yet (other authors may use the same title)");
        probe.expectAccepted(insertPost("'jweber'", "'Hello again'", "'New title.'", "'draft'", "0", "NULL", "now()"),
                "a post by jweber with a new title");
        AlteredTables.expectUniquePair(probe, catalog);
        assertRules(probe, catalog, "posts", origin(files, ALTER_FILE));
    }

    @Check(id = "04-alter-published-check",
            hint = "Put the rule as an implication: if the status is published, then there is a publication time. "
                    + "How do you write \"if A then B\" with OR and NOT?")
    @DisplayName("04 requires a published_at on every published post")
    void e04c_publishedCheck(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runAlter(files, sql);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireColumnsForRules(catalog, "posts", origin(files, ALTER_FILE), KEEP_COLUMNS,
                "user_id", "title", "body", "status", "published_at");
        ConstraintProbe probe = new ConstraintProbe(db);
        probe.expectRejected(insertPost("'priya_n'", "'Undated'", "'Text.'", "'published'", "0", "NULL", "now()"),
                SqlState.CHECK, "inserting a published post without published_at",
                "a published post must have a published_at (a CHECK constraint)");
        probe.expectAccepted(insertPost("'priya_n'", "'Dated'", "'Text.'", "'published'", "0", "now()", "now()"),
                "a published post with a published_at");
        probe.expectAccepted(insertPost("'priya_n'", "'Work in progress'", "'Text.'", "'draft'", "0", "NULL", "now()"),
                "a draft without published_at");
        assertRules(probe, catalog, "posts", origin(files, ALTER_FILE));
    }

    // ==== all files together ===========================================================================

    @Check(id = "05-all-files-in-order",
            hint = "Each file creates or changes only its own part and relies on the files before it: 01 users, "
                    + "02 profiles (references users), 03 posts (references users), 04 ALTER TABLE on users and posts.")
    @DisplayName("05 your four files run in order on an empty database, like migrations")
    void e05_allFilesInOrder(LabFiles files, SqlCheck sql) {
        FilesInOrder.assertSchema(FilesInOrder.run(files, sql));
    }
}
