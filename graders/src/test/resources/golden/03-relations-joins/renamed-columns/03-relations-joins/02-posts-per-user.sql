-- Lab 03 - Relations and joins - Exercise 02: Posts per user, including users with none
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   For EVERY user, count how many posts they wrote (any status). Users who
--   never wrote a post must be in the result with 0.
--
-- Expected result
--   Columns: username, post_count (in this order)
--   Rows:    one per user, all users
--   Order:   username ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT u.username, count(p.id) AS posts
FROM users AS u
LEFT JOIN posts AS p ON p.user_id = u.id
GROUP BY u.id, u.username
ORDER BY u.username;
