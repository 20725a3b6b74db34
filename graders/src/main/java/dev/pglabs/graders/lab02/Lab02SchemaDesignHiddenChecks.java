package dev.pglabs.graders.lab02;

import dev.pglabs.grading.CatalogInspector;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.ConstraintProbe;
import dev.pglabs.grading.ConstraintProbe.SqlState;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.Visibility;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import org.junit.jupiter.api.DisplayName;
import org.opentest4j.AssertionFailedError;

import java.util.Objects;

import static dev.pglabs.graders.lab02.Exercises.ALL_BEFORE;
import static dev.pglabs.graders.lab02.Exercises.ALTER_FILE;
import static dev.pglabs.graders.lab02.Exercises.KEEP_COLUMNS;
import static dev.pglabs.graders.lab02.Exercises.POSTS_FILE;
import static dev.pglabs.graders.lab02.Exercises.PROFILES_FILE;
import static dev.pglabs.graders.lab02.Exercises.USERS_BEFORE;
import static dev.pglabs.graders.lab02.Exercises.USERS_FILE;
import static dev.pglabs.graders.lab02.Exercises.USERS_PROFILES_BEFORE;
import static dev.pglabs.graders.lab02.Exercises.fixFirst;
import static dev.pglabs.graders.lab02.Exercises.origin;
import static dev.pglabs.graders.lab02.Exercises.runOnFreshDatabase;
import static dev.pglabs.graders.lab02.RuleProbes.assertRules;
import static dev.pglabs.graders.lab02.RuleProbes.expectCurrentTimeDefault;
import static dev.pglabs.graders.lab02.TestRows.count;
import static dev.pglabs.graders.lab02.TestRows.insertPost;
import static dev.pglabs.graders.lab02.TestRows.insertProfile;
import static dev.pglabs.graders.lab02.TestRows.insertUser;
import static dev.pglabs.graders.lab02.TestRows.setUp;
import static dev.pglabs.graders.lab02.TableDesign.date;
import static dev.pglabs.graders.lab02.TableDesign.timestamptz;

/**
 * The hidden checks of lab 02: the edge cases of each table's rules (boundaries, a default that is a
 * constant instead of the current time, a rule that is too strict), tried as the student's role.
 *
 * <p>Hidden checks live in this file only (docs/instructors.md, "Hidden checks"): {@code ./pglabs release} leaves it
 * out of the students' copy, and nothing else refers to it. Registered in course.json as the lab's "hiddenGrader".
 */
@Grader(lab = "02-schema-design")
@DisplayName("Lab 02 · Schema design (hidden checks)")
class Lab02SchemaDesignHiddenChecks {

    /**
     * Exercise 03's status rule on the starting posts table (which has none of the rules): the edge-case check asks
     * whether the student's ALTER keeps it. Only here, in the hidden checks, which the student release leaves out.
     */
    static final String STATUS_RULE = "ALTER TABLE posts ADD CONSTRAINT posts_status_check "
            + "CHECK (status IN ('draft', 'published', 'archived'))";

    @Check(id = "01-users-edge-cases", visibility = Visibility.HIDDEN,
            hint = "created_at defaults to the moment of the insert: DEFAULT now(), not a fixed date. The email "
                    + "rule is only 'contains an @' (LIKE '%@%'), and only username and email are unique.")
    @DisplayName("01 users: edge cases of the created_at default, the email rule and UNIQUE")
    void e01c_usersEdgeCases(LabFiles files, SqlCheck sql) {
        hiddenCheck(() -> {
            CheckDatabase db = runOnFreshDatabase(files, sql, USERS_FILE, null);
            CatalogInspector catalog = new CatalogInspector(db);
            TableDesign.requireColumnsForRules(catalog, "users", origin(files, USERS_FILE),
                    fixFirst("01-users-columns"), "id", "username", "email", "full_name", "city", "created_at");
            ConstraintProbe probe = new ConstraintProbe(db);
            expectCurrentTimeDefault(probe, "INSERT INTO users (username, email, full_name) "
                    + "VALUES ('noor.haddad', 'noor.haddad@outlook.com', 'Noor Haddad')", "a user");
            probe.expectAccepted("INSERT INTO users (username, email, full_name, city, created_at) VALUES "
                    + "('liam.obrien', 'liam.obrien@eircom.net', 'Liam O''Brien', 'Dublin', '2023-05-20 12:31:00+00'), "
                    + "('fatima_z', 'fatima.elamrani@gmail.com', 'Fatima Zahra El Amrani', NULL, "
                    + "'2023-05-02 04:49:00+00'), "
                    + "('lucas.oliveira', 'lucas.oliveira@uol.com.br', 'Lucas Oliveira', 'São Paulo', "
                    + "'2023-02-11 00:43:00+00'), "
                    + "('minji.park', 'minji.park@naver.com', 'Min-ji Park', 'Seoul', '2023-09-02 23:57:00+00')",
                    "inserting four ordinary users from the blog (an apostrophe in a name, a city with an accent, "
                            + "no city)");
            probe.expectAccepted(insertUser("'root'", "'root@localhost'", "'Root'", "NULL", "now()"),
                    "a user whose email is 'root@localhost' (it contains an '@', which is all the task asks)");
            probe.expectAccepted(insertUser("'chloe.dubois'", "'Chloe.Dubois+blog@free.fr'", "'Chloé Dubois'",
                    "'Montréal'", "now()"), "a user whose email is 'Chloe.Dubois+blog@free.fr'");
            probe.expectAccepted(insertUser("'ana.silva.1'", "'ana.silva.1@example.com'", "'Ana Silva'", "'Porto'",
                    "now()"), "a user named Ana Silva from Porto");
            probe.expectAccepted(insertUser("'ana.silva.2'", "'ana.silva.2@example.com'", "'Ana Silva'", "'Porto'",
                    "now()"), "a second, different user also named Ana Silva from Porto (only username and email "
                    + "are unique)");
            probe.expectRejected(insertUser("'empty.email'", "''", "'Empty Email'", "NULL", "now()"),
                    SqlState.CHECK, "inserting a user whose email is the empty string ''",
                    "email must contain an '@', and '' does not");
            assertRules(probe, catalog, "users", origin(files, USERS_FILE));
        });
    }

    @Check(id = "02-profiles-edge-cases", visibility = Visibility.HIDDEN,
            hint = "Try the edges yourself: the first allowed birth date, the day before it, today and tomorrow. "
                    + "Which bound includes its value, and which excludes it?")
    @DisplayName("02 profiles: edge cases of birth_date and of deleting users")
    void e02c_profilesEdgeCases(LabFiles files, SqlCheck sql) {
        hiddenCheck(() -> {
            CheckDatabase db = runOnFreshDatabase(files, sql, PROFILES_FILE, USERS_BEFORE, StartingTables.USERS);
            CatalogInspector catalog = new CatalogInspector(db);
            TableDesign.requireColumnsForRules(catalog, "profiles", origin(files, PROFILES_FILE),
                    fixFirst("02-profiles-columns"), "user_id", "bio", "website", "birth_date");
            ConstraintProbe probe = new ConstraintProbe(db);
            setUp(probe, "INSERT INTO users (username, email, full_name) SELECT 'user' || n, 'user' || n || "
                    + "'@example.com', 'User ' || n FROM generate_series(1, 6) AS n", PROFILES_FILE);

            probe.expectAccepted(insertProfile("user1", "NULL", "NULL", "DATE '1900-01-01'"),
                    "a profile with birth_date 1900-01-01 (the first allowed day)");
            probe.expectAccepted(insertProfile("user2", "NULL", "NULL", "CURRENT_DATE - 1"),
                    "a profile with birth_date yesterday (CURRENT_DATE - 1)");
            probe.expectRejected(insertProfile("user3", "NULL", "NULL", "CURRENT_DATE"), SqlState.CHECK,
                    "inserting a profile with birth_date today (CURRENT_DATE)",
                    "birth_date must be in the past: before today");
            probe.expectAccepted(insertProfile("user4", "'Runner.'", "'https://example.com'", "'1985-11-02'"),
                    "a profile for user4");
            probe.expectAccepted(insertProfile("user5", "'Runner.'", "'https://example.com'", "'1985-11-02'"),
                    "a profile for user5 with the same bio, website and birth_date as user4's (only user_id is "
                            + "unique)");
            probe.expectAccepted("DELETE FROM users WHERE username = 'user6'", "deleting a user who has no profile");
            Long others = count(probe, "SELECT count(*) FROM profiles WHERE user_id <> "
                    + "(SELECT id FROM users WHERE username = 'user4')");
            if (probe.expectAccepted("DELETE FROM users WHERE username = 'user4'",
                    "deleting user4, who has a profile,")) {
                Long left = count(probe, "SELECT count(*) FROM profiles");
                if (!Objects.equals(left, others)) {
                    probe.problem("After deleting user4, the " + others + " profiles of the other users must stay, but "
                            + left + " are left: ON DELETE CASCADE deletes only the profile of the deleted user.");
                }
            }
            assertRules(probe, catalog, "profiles", origin(files, PROFILES_FILE));
        });
    }

    @Check(id = "03-posts-edge-cases", visibility = Visibility.HIDDEN,
            hint = "All three statuses are allowed, in lower case only; any title of at least one character; "
                    + "created_at defaults to the moment of the insert (now()); a cascade deletes only that user's "
                    + "posts.")
    @DisplayName("03 posts: edge cases of status, title, views, created_at and deleting")
    void e03c_postsEdgeCases(LabFiles files, SqlCheck sql) {
        hiddenCheck(() -> {
            CheckDatabase db = runOnFreshDatabase(files, sql, POSTS_FILE, USERS_PROFILES_BEFORE, StartingTables.USERS,
                    StartingTables.PROFILES);
            CatalogInspector catalog = new CatalogInspector(db);
            TableDesign.requireColumnsForRules(catalog, "posts", origin(files, POSTS_FILE),
                    fixFirst("03-posts-columns"), "id", "user_id", "title", "body", "status", "views",
                    "published_at", "created_at");
            ConstraintProbe probe = new ConstraintProbe(db);
            setUp(probe, "INSERT INTO users (username, email, full_name) VALUES "
                    + "('ana.ferreira', 'ana.ferreira@gmail.com', 'Ana Ferreira'), "
                    + "('jweber', 'jonas.weber@posteo.de', 'Jonas Weber'), "
                    + "('priya_n', 'priya.natarajan@outlook.com', 'Priya Natarajan')", POSTS_FILE);

            expectCurrentTimeDefault(probe, "INSERT INTO posts (user_id, title, body) SELECT id, 'Just now', 'Text.' "
                    + "FROM users WHERE username = 'priya_n'", "a post");
            probe.expectAccepted("INSERT INTO posts (user_id, title, body, status, views, published_at, created_at) "
                    + "SELECT u.id, p.title, p.body, p.status, p.views, p.published_at::timestamptz, "
                    + "p.created_at::timestamptz "
                    + "FROM (VALUES "
                    + "('jweber', 'Sequences, identity columns and gaps', 'The documentation covers this well.', "
                    + "'archived', 998, '2023-03-03 19:28:00+00', '2023-02-25 22:57:00+00'), "
                    + "('jweber', 'postgresql vs MySQL: an honest comparison after five years', 'I include the SQL.', "
                    + "'published', 6492, '2023-02-16 03:31:00+00', '2023-02-11 10:47:00+00'), "
                    + "('ana.ferreira', 'What I look for when hiring backend developers', "
                    + "'A few friends reviewed this.', "
                    + "'draft', 0, NULL, '2023-03-07 00:51:00+00')"
                    + ") AS p(username, title, body, status, views, published_at, created_at) "
                    + "JOIN users u ON u.username = p.username",
                    "inserting three posts from the blog (archived, published and draft)");
            probe.expectAccepted(insertPost("'ana.ferreira'", "'x'", "'A one-letter title.'", "'archived'", "0", "NULL",
                    "now()"), "an archived post titled 'x' (one character is not empty)");
            probe.expectAccepted(insertPost("'ana.ferreira'", "'Viral'", "'So many views.'", "'published'",
                    "2000000000", "now()", "now()"), "a post with 2,000,000,000 views");
            probe.expectRejected(insertPost("'ana.ferreira'", "'Capital'", "'Text.'", "'Published'", "0", "now()",
                    "now()"), SqlState.CHECK, "inserting a post with status 'Published' (capital P)",
                    "status must be exactly 'draft', 'published' or 'archived', in lower case");
            Long others = count(probe, "SELECT count(*) FROM posts WHERE user_id <> "
                    + "(SELECT id FROM users WHERE username = 'jweber')");
            if (probe.expectAccepted("DELETE FROM users WHERE username = 'jweber'",
                "deleting the user jweber (who has two posts)")) {
                Long left = count(probe, "SELECT count(*) FROM posts");
                if (!Objects.equals(left, others)) {
                    probe.problem("After deleting jweber, the " + others + " posts of the other users must stay, but "
                            + left + " posts are left: ON DELETE CASCADE deletes only the posts of the deleted user.");
                }
            }
            assertRules(probe, catalog, "posts", origin(files, POSTS_FILE));
        });
    }

    @Check(id = "04-alter-edge-cases", visibility = Visibility.HIDDEN,
            hint = "Think about every status, not only published: a draft with or without a publication time must "
                    + "still be allowed.")
    @DisplayName("04: edge cases of the published_at rule")
    void e04d_alterEdgeCases(LabFiles files, SqlCheck sql) {
        hiddenCheck(() -> {
            CheckDatabase db = runOnFreshDatabase(files, sql, ALTER_FILE, ALL_BEFORE, StartingTables.USERS,
                    StartingTables.PROFILES, StartingTables.POSTS, STATUS_RULE, StartingTables.ROWS_BEFORE_ALTER);
            CatalogInspector catalog = new CatalogInspector(db);
            TableDesign.requireColumnsForRules(catalog, "posts", origin(files, ALTER_FILE), KEEP_COLUMNS,
                    "user_id", "title", "body", "status", "published_at");
            ConstraintProbe probe = new ConstraintProbe(db);
            probe.expectAccepted(insertPost("'priya_n'", "'Old news'", "'Text.'", "'archived'", "0", "NULL", "now()"),
                    "an archived post without published_at (the rule is only about published posts)");
            probe.expectAccepted(insertPost("'priya_n'", "'Scheduled'", "'Text.'", "'draft'", "0",
                    "'2030-01-01 09:00:00+00'", "now()"), "a draft with a published_at (scheduled for later)");
            probe.expectRejected(insertPost("'priya_n'", "'Bad status'", "'Text.'", "'deleted'", "0", "NULL", "now()"),
                    SqlState.CHECK, "inserting a post with status 'deleted' after your changes",
                    "the status rule of exercise 03 must still hold");
            probe.expectAccepted("INSERT INTO users (username, email, full_name, is_active) "
                    + "VALUES ('later.user', 'later.user@example.com', 'Later User', true)",
                    "a user with is_active true");
            assertRules(probe, catalog, "posts", origin(files, ALTER_FILE));
        });
    }

    /**
     * Runs a hidden check's body. The engine's note under a failed hidden check speaks of a variant of the data;
     * these hidden checks run on the same empty database and try the edge cases of the rules instead, so their
     * failures are plain failures. Students read the summary (the statements tried are the hidden part).
     */
    private static void hiddenCheck(Runnable body) {
        try {
            body.run();
        } catch (AssertionFailedError e) {
            throw new CheckFailure(CheckStatus.FAILED, e.getMessage()).withDataFreeSummary("Your table does not "
                    + "handle every edge case of the task's rules: some statements the grader tried were accepted or "
                    + "rejected against the rules (the hint below names the edge cases).");
        }
    }
}
