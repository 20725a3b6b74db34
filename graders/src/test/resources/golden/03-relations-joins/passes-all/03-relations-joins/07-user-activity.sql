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

SELECT u.username, pc.post_count, pc.total_views, cc.comment_count
FROM users u
CROSS JOIN LATERAL (SELECT count(*) AS post_count, coalesce(sum(views), 0) AS total_views
                    FROM posts p WHERE p.user_id = u.id) pc
CROSS JOIN LATERAL (SELECT count(*) AS comment_count FROM comments c WHERE c.user_id = u.id) cc
ORDER BY u.username;
