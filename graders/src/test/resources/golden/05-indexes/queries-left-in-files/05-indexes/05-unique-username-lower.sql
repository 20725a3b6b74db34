-- Lab 05 - Indexes - Exercise 05: Usernames unique in any letter case
-- Dataset: blog-scale (20,000 users, 200,000 posts, 1,000,000 comments)
--
-- The rule
--   users.username is UNIQUE already, but that constraint compares text
--   exactly: 'MeiFerreira42' exists, and nothing stops someone from signing
--   up as 'MEIFERREIRA42' and posing as her. Usernames must be unique
--   whatever their letter case. The sign-in form looks them up like this:
--
--     SELECT id, username
--     FROM users
--     WHERE lower(username) = lower('meiferreira42');
--
-- Task
--   Create ONE index that both enforces the rule (PostgreSQL itself rejects
--   the duplicate) and serves the lookup above. No existing username clashes
--   with another in lower case, so the index can be built on today's data.
--
-- Checked by
--   After your file ran: EXPLAIN of the lookup must read users through your
--   index; inserting a user named 'MEIFERREIRA42' must fail with SQLSTATE
--   23505 (unique_violation); inserting a new, unused username must still
--   work. A hidden check does the same for another username.
--
-- Write CREATE INDEX statement(s) only. Any index name is fine.
-- Grade with: ./pglabs grade 05

CREATE UNIQUE INDEX users_lower_username_key ON users (lower(username));

EXPLAIN SELECT id, username FROM users WHERE lower(username) = lower('meiferreira42');
