-- Lab 03 - Relations and joins - Exercise 08: Authors above the average (a CTE)
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   An author is a user with at least one published post (status =
--   'published'). For each author, take the number of their published posts
--   and the total views of those posts. Show the authors whose total views are
--   greater than the average total views of all authors (the average of the
--   per-author totals, not of single posts).
--   Write it with a CTE (WITH author_stats AS (...) SELECT ...); a subquery
--   in FROM gives the same result and is accepted too.
--
-- Expected result
--   Columns: username, published_posts, total_views (in this order)
--   Rows:    one per author above the average
--   Order:   total_views descending, then username ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

WITH author_stats AS (
    SELECT u.id, u.username, count(*) AS published_posts, sum(p.views) AS total_views
    FROM users AS u
    JOIN posts AS p ON p.user_id = u.id
    GROUP BY u.id, u.username
)
SELECT username, published_posts, total_views
FROM author_stats
WHERE total_views > (SELECT avg(total_views) FROM author_stats)
ORDER BY total_views DESC, username;
