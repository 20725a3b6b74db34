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

SELECT u.username,
       count(p.id)               AS post_count,
       coalesce(sum(p.views), 0) AS total_views,
       count(c.id)               AS comment_count
FROM users AS u
LEFT JOIN posts AS p ON p.user_id = u.id
LEFT JOIN comments AS c ON c.user_id = u.id
GROUP BY u.id, u.username
ORDER BY u.username;
