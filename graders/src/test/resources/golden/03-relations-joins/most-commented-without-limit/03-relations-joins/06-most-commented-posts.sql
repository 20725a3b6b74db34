-- Lab 03 - Relations and joins - Exercise 06: The 3 most commented published posts (ties!)
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Show the 3 published posts (status = 'published') with the most comments.
--   Several posts can have the same number of comments, so the order needs a
--   tie-breaker: among posts with the same number of comments, the one
--   published most recently (published_at latest) comes first. No two
--   published posts share a published_at value.
--
-- Expected result
--   Columns: id, title, published_at, comment_count (in this order;
--            comment_count is the post's number of comments)
--   Rows:    exactly 3
--   Order:   comment_count descending, then published_at descending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT p.id, p.title, p.published_at, count(c.id) AS comment_count
FROM posts AS p
LEFT JOIN comments AS c ON c.post_id = p.id
WHERE p.status = 'published'
GROUP BY p.id
ORDER BY comment_count DESC, p.published_at DESC;
