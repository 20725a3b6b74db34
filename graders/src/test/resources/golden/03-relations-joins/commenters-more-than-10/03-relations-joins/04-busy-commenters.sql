-- Lab 03 - Relations and joins - Exercise 04: Busy commenters (GROUP BY ... HAVING)
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Find the users who commented on at least 10 DIFFERENT posts. Several
--   comments by the same user under the same post count as one post.
--
-- Expected result
--   Columns: username, posts_commented (in this order; posts_commented is the
--            number of different posts the user commented on)
--   Rows:    one per user with posts_commented > 10
--   Order:   posts_commented descending, then username ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT u.username, count(DISTINCT c.post_id) AS posts_commented
FROM users AS u
JOIN comments AS c ON c.user_id = u.id
GROUP BY u.id, u.username
HAVING count(DISTINCT c.post_id) > 10
ORDER BY posts_commented DESC, u.username;
