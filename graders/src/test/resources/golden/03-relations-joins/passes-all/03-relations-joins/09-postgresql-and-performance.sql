-- Lab 03 - Relations and joins - Exercise 09: Posts with two given tags (many-to-many)
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Find the posts (any status) that are tagged BOTH 'postgresql' AND
--   'performance'. A post with only one of the two tags does not count.
--
-- Expected result
--   Columns: id, title (in this order)
--   Rows:    one per post that has both tags
--   Order:   by post id, ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT p.id, p.title
FROM post_tags a
JOIN post_tags b USING (post_id)
JOIN tags ta ON ta.id = a.tag_id AND ta.name = 'postgresql'
JOIN tags tb ON tb.id = b.tag_id AND tb.name = 'performance'
JOIN posts p ON p.id = post_id
ORDER BY p.id;
