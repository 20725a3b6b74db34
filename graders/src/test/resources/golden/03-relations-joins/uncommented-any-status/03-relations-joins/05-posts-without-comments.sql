-- Lab 03 - Relations and joins - Exercise 05: Published posts nobody has commented on (anti-join)
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   List the published posts (status = 'published') that have no comments at
--   all, with the username of their author.
--
-- Expected result
--   Columns: id, title, username (in this order; id and title of the post,
--            username of its author)
--   Rows:    one per published post without comments
--   Order:   by post id, ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT p.id, p.title, u.username
FROM posts AS p
JOIN users AS u ON u.id = p.user_id
WHERE NOT EXISTS (SELECT 1 FROM comments AS c WHERE c.post_id = p.id)
ORDER BY p.id;
