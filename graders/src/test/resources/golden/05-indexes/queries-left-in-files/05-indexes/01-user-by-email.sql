-- Lab 05 - Indexes - Exercise 01: Find a user by email, in any letter case
-- Dataset: blog-scale (20,000 users, 200,000 posts, 1,000,000 comments)
--
-- The query to serve
--   At every login the app looks the user up by the email they typed. Emails
--   are stored as the user first typed them ('Mei.Ferreira42@Gmx.De'), so the
--   app compares them in lower case:
--
--     SELECT id, username, full_name
--     FROM users
--     WHERE lower(email) = lower('mei.ferreira42@GMX.de');
--
-- Task
--   Create the index that lets PostgreSQL find the user without reading the
--   whole users table. (The existing indexes on users(email) do not help:
--   find out why in the README, section 6.)
--
-- Checked by
--   The grader runs this file on a fresh copy of the data, runs ANALYZE, and
--   reads EXPLAIN of the query above. The plan must reach users through your
--   index (Index Scan or Bitmap Index Scan), not with a Seq Scan. A hidden
--   check does the same with another email. Indexes that the query does not
--   use cost points.
--
-- Write CREATE INDEX statement(s) only. Any index name is fine.
-- Grade with: ./pglabs grade 05

CREATE INDEX users_lower_email_idx ON users (lower(email));

EXPLAIN SELECT id, username, full_name FROM users WHERE lower(email) = lower('mei.ferreira42@GMX.de');
