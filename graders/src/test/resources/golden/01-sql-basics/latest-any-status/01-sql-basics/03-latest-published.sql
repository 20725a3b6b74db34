-- Lab 01 - SQL basics - Exercise 03: Latest published posts
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Show the 5 most recently published posts. Only posts with
--   status = 'published' count (drafts and archived posts do not).
--
-- Expected result
--   Columns: title, published_at (in this order)
--   Rows:    exactly 5
--   Order:   newest first (published_at descending). No two published posts
--            share a published_at value, so no tie-breaker is needed.
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT title, published_at
FROM posts
WHERE published_at IS NOT NULL
ORDER BY published_at DESC
LIMIT 5;
