-- Lab 03 - Relations and joins - Exercise 07: Activity per user, without double counting
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   For EVERY user, show three totals:
--     post_count     the number of posts they wrote (any status),
--     total_views    the sum of the views of those posts (0 when they wrote
--                    none, not NULL),
--     comment_count  the number of comments they wrote (anywhere).
--   Careful: a user with 3 posts and 4 comments must show 3 and 4, not 12.
--
-- Expected result
--   Columns: username, post_count, total_views, comment_count (in this order)
--   Rows:    one per user, all users
--   Order:   username ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

-- One CTE per child table, each aggregated to one row per user BEFORE joining,
-- so joining them cannot multiply anything.
WITH post_totals AS (
    SELECT user_id, count(*) AS post_count, sum(views) AS total_views
    FROM posts
    GROUP BY user_id
), comment_totals AS (
    SELECT user_id, count(*) AS comment_count
    FROM comments
    GROUP BY user_id
)
SELECT u.username,
       coalesce(pt.post_count, 0)    AS post_count,
       coalesce(pt.total_views, 0)   AS total_views,
       coalesce(ct.comment_count, 0) AS comment_count
FROM users AS u
JOIN post_totals AS pt ON pt.user_id = u.id
LEFT JOIN comment_totals AS ct ON ct.user_id = u.id
ORDER BY u.username;
