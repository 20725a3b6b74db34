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

SELECT p.title, p.id
FROM posts AS p
WHERE EXISTS (SELECT 1
              FROM post_tags AS pt JOIN tags AS t ON t.id = pt.tag_id
              WHERE pt.post_id = p.id AND t.name = 'postgresql')
  AND EXISTS (SELECT 1
              FROM post_tags AS pt JOIN tags AS t ON t.id = pt.tag_id
              WHERE pt.post_id = p.id AND t.name = 'performance')
ORDER BY p.id;
