-- Lab 01 - SQL basics - Exercise 10: Delete spam comments
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Delete the spam: every comment whose body contains the text 'buy now' in
--   any letter case ('buy now', 'BUY NOW', 'Buy Now', ... all count). Keep
--   all other comments.
--
-- Checked by
--   The contents of the comments table after your statement runs.
--   Write one DELETE statement. Do not wrap it in BEGIN ... ROLLBACK.
--
-- Grade with: ./pglabs grade 01

BEGIN;
DELETE FROM comments
WHERE body ILIKE '%buy now%';
ROLLBACK;
