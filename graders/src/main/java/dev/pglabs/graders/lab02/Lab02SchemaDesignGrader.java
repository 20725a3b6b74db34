package dev.pglabs.graders.lab02;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.grading.ConstraintProbe.SqlState;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.StudentSqlException;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SqlAnswer;
import dev.pglabs.submission.SubmissionProblem;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.pglabs.graders.lab02.TableDesign.bool;
import static dev.pglabs.graders.lab02.TableDesign.date;
import static dev.pglabs.graders.lab02.TableDesign.generatedId;
import static dev.pglabs.graders.lab02.TableDesign.reference;
import static dev.pglabs.graders.lab02.TableDesign.text;
import static dev.pglabs.graders.lab02.TableDesign.timestamptz;
import static dev.pglabs.graders.lab02.TableDesign.wholeNumber;

/**
 * Grades lab 02 (schema design): the student writes the DDL of users, profiles and posts, then changes them
 * with ALTER TABLE. Each exercise is graded through the catalog (columns, types, primary key: {@link
 * CatalogInspector}) and through behaviour (rows that break a rule are rejected with the expected SQLSTATE,
 * valid rows are accepted, defaults are filled in: {@link ConstraintProbe}, run as the student).
 *
 * <p>The database starts empty. A later exercise runs on top of the grader's own tables for the earlier
 * ones ({@link StartingTables}: columns and keys, none of the rules), so that a mistake in 01 does not cost the points of 02–04 too; the last check runs
 * the student's own four files in order, as migrations would. Hidden checks try the edge cases that a partial
 * or lucky answer gets wrong (boundaries, a default that is a constant instead of the current time, a rule
 * that is too strict).
 */
@Grader(lab = "02-schema-design")
@DisplayName("Lab 02 · Schema design")
class Lab02SchemaDesignGrader {

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

    static final String NOW_TEST = "created_at BETWEEN transaction_timestamp() - interval '1 minute' "
            + "AND clock_timestamp() + interval '1 minute'";

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

        boolean minimal = probe.expectAccepted(insertUser("'ana.ferreira'", "'ana.ferreira@example.com'",
                "'Ana Ferreira'"), "a user with only username, email and full_name (no city, no created_at)");
        if (minimal) {
            ResultTable row = probe.query("SELECT id IS NOT NULL, created_at IS NOT NULL, city IS NULL "
                    + "FROM users WHERE username = 'ana.ferreira'");
            if (row.rowCount() == 1 && !Boolean.TRUE.equals(row.rows().get(0).get(1))) {
                probe.problem("A user inserted without created_at got created_at = NULL: created_at needs "
                        + "DEFAULT now() (and NOT NULL).");
            }
        } else if (catalog.column("users", "created_at").map(c -> !c.hasDefault()).orElse(false)) {
            probe.problem("created_at has no DEFAULT, so a user inserted without it cannot be stored: add "
                    + "DEFAULT now().");
        }
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
        probe.expectAccepted("INSERT INTO profiles (user_id) SELECT id FROM users WHERE username = 'priya_n'",
                "a profile with only user_id (bio, website and birth_date are optional)");
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
            boolean deleted = probe.expectAccepted("DELETE FROM users WHERE username = 'ana.ferreira'",
                    "deleting the user ana.ferreira, who has a profile,");
            if (!deleted) {
                probe.problem("A profile must not keep its user alive: declare the foreign key ON DELETE CASCADE, so "
                        + "that deleting a user deletes their profile too. " + foundForeignKeys(catalog, "profiles"));
            } else if (!Objects.equals(count(probe, "SELECT count(*) FROM profiles p WHERE NOT EXISTS "
                    + "(SELECT 1 FROM users u WHERE u.id = p.user_id)"), 0L)) {
                probe.problem("After deleting the user ana.ferreira, her profile is still there, pointing to a user "
                        + "that no longer exists: user_id needs REFERENCES users (id) ON DELETE CASCADE.");
            }
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

        boolean minimal = probe.expectAccepted("INSERT INTO posts (user_id, title, body) SELECT id, 'First steps', "
                + "'Hello.' FROM users WHERE username = 'ana.ferreira'",
                "a post with only user_id, title and body (status, views, published_at and created_at left out)");
        if (minimal) {
            ResultTable row = probe.query("SELECT status::text, views, published_at IS NULL, created_at IS NOT NULL "
                    + "FROM posts WHERE title = 'First steps'");
            if (row.rowCount() == 1) {
                List<Object> r = row.rows().get(0);
                if (!"draft".equals(r.get(0))) {
                    probe.problem("A post inserted without status got status " + show(r.get(0))
                            + ", but it must default to 'draft': DEFAULT 'draft'.");
                }
                if (r.get(1) == null || ((Number) r.get(1)).longValue() != 0) {
                    probe.problem("A post inserted without views got views " + show(r.get(1))
                            + ", but it must default to 0: DEFAULT 0.");
                }
                if (!Boolean.TRUE.equals(r.get(2))) {
                    probe.problem("A post inserted without published_at got a published_at: it must stay NULL "
                            + "(no default).");
                }
                if (!Boolean.TRUE.equals(r.get(3))) {
                    probe.problem("A post inserted without created_at got created_at = NULL: created_at needs "
                            + "DEFAULT now() (and NOT NULL).");
                }
            }
        } else {
            missingDefaults(probe, catalog, "posts", "status", "views", "created_at");
        }
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
            boolean deleted = probe.expectAccepted("DELETE FROM users WHERE username = 'jweber'",
                    "deleting the user jweber, who has a post,");
            if (!deleted) {
                probe.problem("Deleting a user must delete their posts: declare the foreign key ON DELETE CASCADE. "
                        + foundForeignKeys(catalog, "posts"));
            } else if (!Objects.equals(count(probe, "SELECT count(*) FROM posts p WHERE NOT EXISTS "
                    + "(SELECT 1 FROM users u WHERE u.id = p.user_id)"), 0L)) {
                probe.problem("After deleting the user jweber, his post is still there, pointing to a user that no "
                        + "longer exists: user_id needs REFERENCES users (id) ON DELETE CASCADE.");
            }
        }
        assertRules(probe, catalog, "posts", origin(files, POSTS_FILE));
    }

    // ==== 04 alter =====================================================================================

    @Check(id = "04-alter-is-active",
            hint = "Existing rows get the new column too: with NOT NULL, they need a value from the start. What "
                    + "does a DEFAULT do when a column is added?")
    @DisplayName("04 adds users.is_active (boolean, NOT NULL, default true) to existing rows")
    void e04a_isActive(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, ALTER_FILE, ALL_BEFORE, StartingTables.USERS,
                StartingTables.PROFILES, StartingTables.POSTS, StartingTables.ROWS_BEFORE_ALTER);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireTable(catalog, "users", origin(files, ALTER_FILE));
        var column = catalog.column("users", "is_active");
        if (column.isEmpty()) {
            throw new AssertionFailedError("After running " + origin(files, ALTER_FILE) + ", users has no column "
                    + "is_active. Add it with ALTER TABLE users ADD COLUMN is_active ...");
        }
        String type = bool("is_active").verdict().apply(column.get());
        if (type != null) {
            throw new AssertionFailedError(type);
        }
        ConstraintProbe probe = new ConstraintProbe(db);
        Long users = count(probe, "SELECT count(*) FROM users");
        if (!Objects.equals(users, (long) StartingTables.USERS_BEFORE_ALTER)) {
            probe.problem("users held " + StartingTables.USERS_BEFORE_ALTER + " rows before your file ran and holds "
                    + users + " now: change the table with ALTER TABLE, do not drop and re-create it.");
        } else {
            Long inactive = count(probe, "SELECT count(*) FROM users WHERE is_active IS DISTINCT FROM true");
            if (!Objects.equals(inactive, 0L)) {
                probe.problem(inactive + " of the existing users are not active (is_active is NULL or false), but "
                        + "every existing user must end up active: add the column with DEFAULT true.");
            }
        }
        if (probe.expectAccepted("INSERT INTO users (username, email, full_name) "
                + "VALUES ('new.user', 'new.user@example.com', 'New User')", "a new user inserted without is_active")) {
            Object active = probe.value("SELECT is_active FROM users WHERE username = 'new.user'");
            if (!Boolean.TRUE.equals(active)) {
                probe.problem("A new user inserted without is_active got is_active = " + show(active)
                        + ", but it must default to true: DEFAULT true.");
            }
        }
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
        CheckDatabase db = runOnFreshDatabase(files, sql, ALTER_FILE, ALL_BEFORE, StartingTables.USERS,
                StartingTables.PROFILES, StartingTables.POSTS, StartingTables.ROWS_BEFORE_ALTER);
        CatalogInspector catalog = new CatalogInspector(db);
        TableDesign.requireColumnsForRules(catalog, "posts", origin(files, ALTER_FILE), KEEP_COLUMNS,
                "user_id", "title", "body", "status", "published_at");
        ConstraintProbe probe = new ConstraintProbe(db);
        Long posts = count(probe, "SELECT count(*) FROM posts");
        if (!Objects.equals(posts, (long) StartingTables.POSTS_BEFORE_ALTER)) {
            probe.problem("posts held " + StartingTables.POSTS_BEFORE_ALTER + " rows before your file ran and holds "
                    + posts + " now: change the table with ALTER TABLE, do not drop and re-create it.");
        }
        probe.expectRejected(insertPost("'jweber'", "'Hello, world'", "'Again.'", "'draft'", "0", "NULL", "now()"),
                SqlState.UNIQUE, "inserting a second post titled 'Hello, world' by jweber",
                "(user_id, title) must be UNIQUE");
        probe.expectAccepted(insertPost("'priya_n'", "'Hello, world'", "'Me too.'", "'draft'", "0", "NULL", "now()"),
                "a post titled 'Hello, world' by priya_n, who has none yet (other authors may use the same title)");
        probe.expectAccepted(insertPost("'jweber'", "'Hello again'", "'New title.'", "'draft'", "0", "NULL", "now()"),
                "a post by jweber with a new title");
        if (!catalog.isUnique("posts", "user_id", "title")) {
            probe.problem("The catalog shows no UNIQUE constraint (or unique index) on exactly (user_id, title). "
                    + "Unique keys found on posts: " + catalog.uniqueKeys("posts").stream()
                    .map(k -> "(" + String.join(", ", k.columns()) + ")").reduce((a, b) -> a + ", " + b)
                    .orElse("none") + ".");
        }
        assertRules(probe, catalog, "posts", origin(files, ALTER_FILE));
    }

    @Check(id = "04-alter-published-check",
            hint = "Put the rule as an implication: if the status is published, then there is a publication time. "
                    + "How do you write \"if A then B\" with OR and NOT?")
    @DisplayName("04 requires a published_at on every published post")
    void e04c_publishedCheck(LabFiles files, SqlCheck sql) {
        CheckDatabase db = runOnFreshDatabase(files, sql, ALTER_FILE, ALL_BEFORE, StartingTables.USERS,
                StartingTables.PROFILES, StartingTables.POSTS, StartingTables.ROWS_BEFORE_ALTER);
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
        record Step(String file, String table, List<String> dependsOn) {
        }
        List<Step> steps = List.of(
                new Step(USERS_FILE, "users", List.of()),
                new Step(PROFILES_FILE, "profiles", List.of(USERS_FILE)),
                new Step(POSTS_FILE, "posts", List.of(USERS_FILE)),
                new Step(ALTER_FILE, null, List.of(USERS_FILE, POSTS_FILE)));
        List<String> failed = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean error = false;
        CheckDatabase db = null;
        for (Step step : steps) {
            List<String> brokenDependencies = step.dependsOn().stream()
                    .filter(f -> failed.contains(f) || notRun.contains(f)).toList();
            if (!brokenDependencies.isEmpty()) {
                notRun.add(step.file());
                problems.add(step.file() + " was not run: " + (step.table() == null ? "it changes "
                        : step.table() + " depends on ") + describeDependencies(brokenDependencies, notRun) + ".");
                continue;
            }
            try {
                SqlAnswer answer = files.sql(step.file());
                if (db == null) {
                    db = sql.database();
                }
                db.student().execute(answer.statements(), answer.origin());
            } catch (SubmissionProblem | StudentSqlException e) {
                failed.add(step.file());
                error |= ((CheckFailure) e).status() == CheckStatus.ERROR;
                problems.add(e instanceof SubmissionProblem ? e.getMessage() : step.file() + " failed: "
                        + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            String message = "Your files are run in order (01, 02, 03, 04) on an empty database, the way a migration "
                    + "tool runs migrations. Not all of them ran:\n\n- " + String.join("\n\n- ", problems);
            throw new CheckFailure(error ? CheckStatus.ERROR : CheckStatus.FAILED, message);
        }
        CatalogInspector catalog = new CatalogInspector(db);
        List<String> missing = new ArrayList<>();
        for (String table : List.of("users", "profiles", "posts")) {
            if (!catalog.hasTable(table)) {
                missing.add(table);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("All four files ran, but afterwards there is no table "
                    + String.join(", ", missing) + ". " + catalog.explainMissing(missing.get(0)));
        }
        for (String table : List.of("profiles", "posts")) {
            if (catalog.foreignKeys(table, "user_id").stream().noneMatch(fk -> fk.referencedTable().equals("users"))) {
                throw new AssertionFailedError("All four files ran, but " + table + ".user_id does not reference "
                        + "users: after your files, the tables are not connected by a foreign key.");
            }
        }
        if (catalog.column("users", "is_active").isEmpty()) {
            throw new AssertionFailedError("All four files ran, but users has no column is_active afterwards.");
        }
    }

    // ==== helpers ======================================================================================

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

    static String fixFirst(String columnsCheck) {
        return "The check " + columnsCheck + " says what the columns should be; fix that first.";
    }

    /** Rows the probes need (users to attach profiles or posts to): if the student's file breaks them, say so. */
    static void setUp(ConstraintProbe probe, String sql, String file) {
        ConstraintProbe.Outcome outcome = probe.attempt(sql);
        if (!outcome.accepted()) {
            throw new AssertionFailedError("After running your " + file + ", the grader could not insert the users "
                    + "it tests with: " + outcome.describeError() + ". Your file should only create its own table.");
        }
    }

    static void assertRules(ConstraintProbe probe, CatalogInspector catalog, String table, String origin) {
        if (probe.hasProblems()) {
            throw new AssertionFailedError("The grader tried " + probe.attempts() + " statements on your " + table
                    + " table (from " + origin + "); these did not behave as the task asks:\n\n" + probe.report()
                    + "\n\n" + TableDesign.describe(catalog, table));
        }
    }

    /** The statement inserts one row without created_at; the stored value must be the time of the insert. */
    static void expectCurrentTimeDefault(ConstraintProbe probe, String insert, String what) {
        String sql = "WITH inserted AS (" + insert + " RETURNING created_at) SELECT created_at IS NOT NULL, "
                + NOW_TEST + ", created_at::text FROM inserted";
        try {
            ResultTable result = probe.query(sql);
            List<Object> row = result.rows().get(0);
            if (!Boolean.TRUE.equals(row.get(0))) {
                probe.problem(capitalise(what) + " inserted without created_at got created_at = NULL: it needs "
                        + "DEFAULT now().", insert);
            } else if (!Boolean.TRUE.equals(row.get(1))) {
                probe.problem(capitalise(what) + " inserted without created_at got created_at = " + row.get(2)
                        + ", but the default must be the moment of the insert: DEFAULT now(), not a fixed value.",
                        insert);
            }
        } catch (StudentSqlException e) {
            probe.problem(capitalise(what) + " inserted without created_at was rejected, but it must be accepted "
                    + "with created_at set to the current time (DEFAULT now()). " + firstLine(e.getMessage()), insert);
        }
    }

    static void missingDefaults(ConstraintProbe probe, CatalogInspector catalog, String table,
                                        String... columns) {
        for (String name : columns) {
            catalog.column(table, name).filter(c -> !c.hasDefault()).ifPresent(c ->
                    probe.problem(name + " has no DEFAULT, so a row inserted without it cannot be stored as the "
                            + "task asks."));
        }
    }

    static String foundForeignKeys(CatalogInspector catalog, String table) {
        var fks = catalog.foreignKeys(table, "user_id");
        if (fks.isEmpty()) {
            return "The catalog shows no foreign key on " + table + ".user_id.";
        }
        return "Found: " + fks.get(0).definition() + (fks.get(0).onDelete().equals("NO ACTION")
                ? ". Without an ON DELETE clause the action is NO ACTION, which refuses to delete a user who still "
                + "has rows here." : ".");
    }

    /** "users from 01-users.sql, which failed, and posts from 03-posts.sql, which was not run". */
    static String describeDependencies(List<String> files, List<String> notRun) {
        List<String> parts = new ArrayList<>();
        for (String file : files) {
            parts.add((file.equals(USERS_FILE) ? "users" : "posts") + " from " + file + ", which "
                    + (notRun.contains(file) ? "was not run" : "failed"));
        }
        return String.join(", and ", parts);
    }

    static String insertUser(String username, String email, String fullName) {
        return "INSERT INTO users (username, email, full_name) VALUES (" + username + ", " + email + ", "
                + fullName + ")";
    }

    static String insertUser(String username, String email, String fullName, String city, String createdAt) {
        return "INSERT INTO users (username, email, full_name, city, created_at) VALUES (" + username + ", " + email
                + ", " + fullName + ", " + city + ", " + createdAt + ")";
    }

    static String insertProfile(String username, String bio, String website, String birthDate) {
        return "INSERT INTO profiles (user_id, bio, website, birth_date) SELECT id, " + bio + ", " + website + ", "
                + birthDate + " FROM users WHERE username = '" + username + "'";
    }

    /** A post with every column given; {@code username} is a quoted username or NULL (for a NULL user_id). */
    static String insertPost(String username, String title, String body, String status, String views,
                                     String publishedAt, String createdAt) {
        String userId = username.equals("NULL") ? "NULL" : "(SELECT id FROM users WHERE username = " + username + ")";
        return "INSERT INTO posts (user_id, title, body, status, views, published_at, created_at) VALUES ("
                + userId + ", " + title + ", " + body + ", " + status + ", " + views + ", " + publishedAt + ", "
                + createdAt + ")";
    }

    static Long count(ConstraintProbe probe, String sql) {
        Object value = probe.value(sql);
        return value == null ? null : ((Number) value).longValue();
    }

    static String origin(LabFiles files, String file) {
        return files.sql(file).origin();
    }

    static String show(Object value) {
        return value == null ? "NULL" : value instanceof String s ? "'" + s + "'" : value.toString();
    }

    static String firstLine(String text) {
        return text == null ? "" : text.lines().filter(l -> l.contains("ERROR")).findFirst().orElse(text).strip();
    }

    static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
