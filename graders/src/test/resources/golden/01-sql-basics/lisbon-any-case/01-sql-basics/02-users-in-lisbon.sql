-- Lab 01 - SQL basics - Exercise 02: Users in Lisbon
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Find the users who live in Lisbon, i.e. whose city is exactly 'Lisbon'.
--
-- Expected result
--   Columns: username, email (in this order)
--   Rows:    one row per user whose city = 'Lisbon'
--   Order:   does not matter
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT username, email
FROM users
WHERE city ILIKE '%lisbon%';
