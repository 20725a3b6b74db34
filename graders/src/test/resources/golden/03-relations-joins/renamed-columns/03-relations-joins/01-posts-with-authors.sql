-- Lab 03 - Relations and joins - Exercise 01: Posts with their authors
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   List every published post (status = 'published') together with the
--   username of the user who wrote it. posts.user_id is the id of the author
--   in users.
--
-- Expected result
--   Columns: id, title, username (in this order; id and title of the post,
--            username of its author)
--   Rows:    one per published post
--   Order:   by post id, ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT p.id, p.title, u.username AS author
FROM posts AS p
JOIN users AS u ON u.id = p.user_id
WHERE p.status = 'published'
ORDER BY p.id;
