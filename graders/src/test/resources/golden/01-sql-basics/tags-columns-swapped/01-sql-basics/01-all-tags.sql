-- Lab 01 - SQL basics - Exercise 01: All tags
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   List every tag: all columns of every row of the tags table.
--
-- Expected result
--   Columns: all columns of tags, in table order (id, name)
--   Rows:    one row per tag, no filtering
--   Order:   does not matter
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT name, id
FROM tags;
