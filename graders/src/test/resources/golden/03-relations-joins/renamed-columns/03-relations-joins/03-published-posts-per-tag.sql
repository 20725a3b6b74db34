-- Lab 03 - Relations and joins - Exercise 03: Published posts per tag, including unused tags
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   For EVERY tag, count the PUBLISHED posts (status = 'published') that carry
--   it. Posts and tags are linked through the junction table post_tags. A tag
--   with no published posts (only drafts, or no posts at all) must be in the
--   result with 0.
--
-- Expected result
--   Columns: tag, published_posts (in this order; tag is the tag's name)
--   Rows:    one per tag, all tags
--   Order:   published_posts descending; tags with the same count by tag
--            name ascending
--
-- Write a single SELECT statement (a WITH ... SELECT counts as one).
-- Column names must match exactly.
-- Grade with: ./pglabs grade 03

SELECT t.name, count(p.id) AS published_posts
FROM tags AS t
LEFT JOIN post_tags AS pt ON pt.tag_id = t.id
LEFT JOIN posts AS p ON p.id = pt.post_id AND p.status = 'published'
GROUP BY t.id, t.name
ORDER BY published_posts DESC, t.name;
