-- Lab 01 - SQL basics - Exercise 04: Posts about PostgreSQL
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Find the posts whose title contains the word 'postgresql' in any letter
--   case: 'PostgreSQL', 'postgresql', 'POSTGRESQL', ... all count. A title
--   that only says 'Postgres' (without 'QL') does not count. All posts count,
--   whatever their status.
--
-- Expected result
--   Columns: id, title (in this order)
--   Rows:    one row per matching post
--   Order:   id ascending
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT id, title
FROM posts
WHERE title ILIKE '%postgres%'
ORDER BY id;
