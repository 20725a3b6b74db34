package dev.pglabs.graders.lab02;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.StudentSession;
import dev.pglabs.provisioning.StudentSqlException;

/**
 * The tables a later exercise of lab 02 is graded on, so that one mistake in 01-users.sql does not cost the points of
 * 02, 03 and 04 as well. They have the columns, types and keys the task names (which the checks' feedback states
 * anyway) and none of the rules the exercises ask for (NOT NULL, UNIQUE, CHECK, ON DELETE): they are not an answer,
 * and the release ships them. Later exercises only add tables that reference these, or ALTER them, and their checks
 * probe what the student's own file adds.
 */
final class StartingTables {

    static final String USERS = """
            CREATE TABLE users (
                id          serial PRIMARY KEY,
                username    text,
                email       text,
                full_name   text,
                city        text,
                created_at  timestamptz DEFAULT now()
            )""";

    static final String PROFILES = """
            CREATE TABLE profiles (
                user_id     integer PRIMARY KEY REFERENCES users (id),
                bio         text,
                website     text,
                birth_date  date
            )""";

    static final String POSTS = """
            CREATE TABLE posts (
                id            serial PRIMARY KEY,
                user_id       integer REFERENCES users (id),
                title         text,
                body          text,
                status        text DEFAULT 'draft',
                views         integer DEFAULT 0,
                published_at  timestamptz,
                created_at    timestamptz DEFAULT now()
            )""";

    /** The rows exercise 04 starts from: two authors share a title, so UNIQUE (title) alone cannot be added. */
    static final String ROWS_BEFORE_ALTER = """
            INSERT INTO users (username, email, full_name, city, created_at) VALUES
              ('ana.ferreira', 'ana.ferreira@gmail.com', 'Ana Ferreira', 'Lisbon', '2023-01-04 09:12:00+00'),
              ('jweber', 'jonas.weber@posteo.de', 'Jonas Weber', 'Berlin', '2023-01-16 13:55:00+00'),
              ('priya_n', 'priya.natarajan@outlook.com', 'Priya Natarajan', NULL, '2023-01-28 08:41:00+00');
            INSERT INTO posts (user_id, title, body, status, views, published_at, created_at)
            SELECT u.id, p.title, p.body, p.status, p.views, p.published_at::timestamptz, p.created_at::timestamptz
            FROM (VALUES
              ('jweber', 'Tuning autovacuum for a write-heavy PostgreSQL cluster', 'Read the plan first.', 'published',
               6004, '2023-02-15 23:35:00+00', '2023-02-14 15:00:00+00'),
              ('jweber', 'Sequences, identity columns and gaps', 'Gaps are normal.', 'archived',
               998, '2023-03-03 19:28:00+00', '2023-02-25 22:57:00+00'),
              ('jweber', 'Hello, world', 'My first post.', 'published',
               42, '2023-01-20 10:00:00+00', '2023-01-20 09:00:00+00'),
              ('ana.ferreira', 'Hello, world', 'Mine too.', 'draft',
               0, NULL, '2023-01-05 12:00:00+00'),
              ('ana.ferreira', 'Why your LIKE query ignores the index', 'Collations.', 'published',
               182, '2023-03-25 04:57:00+00', '2023-03-24 10:26:00+00'),
              ('priya_n', 'What I look for when hiring backend developers', 'Draft notes.', 'draft',
               0, NULL, '2023-03-07 00:51:00+00')
            ) AS p(username, title, body, status, views, published_at, created_at)
            JOIN users u ON u.username = p.username""";

    static final int USERS_BEFORE_ALTER = 3;
    static final int POSTS_BEFORE_ALTER = 6;

    private StartingTables() {
    }

    /**
     * Runs reference scripts in the check's database as the student's role (in a session of its own), before any
     * student SQL runs: the tables then belong to the student, who may reference them in foreign keys and ALTER
     * them, and nothing needs a superuser (DATABASE_URL may name a server where the grader is not one).
     */
    static void create(CheckDatabase db, String... scripts) {
        try (StudentSession session = db.openStudent()) {
            for (String script : scripts) {
                session.execute(script, "the grader's starting tables");
            }
        } catch (StudentSqlException e) {
            throw new ProvisioningException("The grader could not create the tables this exercise starts from "
                    + "(a bug in the grader, not in your answer): " + e.getMessage(), e);
        }
    }
}
