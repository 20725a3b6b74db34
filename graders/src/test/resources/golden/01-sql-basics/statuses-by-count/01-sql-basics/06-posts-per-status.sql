-- Lab 01 - SQL basics - Exercise 06: Posts per status
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Count the posts in each status.
--
-- Expected result
--   Columns: status, post_count (in this order; post_count is the number of
--            posts with that status)
--   Rows:    one row per status that appears in posts
--   Order:   status ascending (alphabetical: 'archived', 'draft', 'published')
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT status, count(*) AS post_count
FROM posts
GROUP BY status
ORDER BY post_count DESC;
