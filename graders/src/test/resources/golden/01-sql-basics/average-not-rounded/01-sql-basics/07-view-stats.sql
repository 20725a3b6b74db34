-- Lab 01 - SQL basics - Exercise 07: View statistics of published posts
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Summarise the views of the published posts (status = 'published') in a
--   single row.
--
-- Expected result
--   Columns (in this order):
--     published_posts  number of published posts
--     total_views      sum of their views
--     avg_views        average of their views, rounded to 2 decimal places
--                      with round(<average>::numeric, 2)
--     max_views        the highest views value among them
--   Rows:    exactly 1
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT count(*)                       AS published_posts,
       sum(views)                     AS total_views,
       avg(views)                     AS avg_views,
       max(views)                     AS max_views
FROM posts
WHERE status = 'published';
