-- Lab 01 - SQL basics - Exercise 09: Archive old drafts
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Old drafts are clutter. Set status = 'archived' for every post that is a
--   draft (status = 'draft') and was created before 1 January 2024
--   (created_at < '2024-01-01'). Change nothing else: other columns and other
--   posts stay as they are.
--
-- Checked by
--   The contents of the posts table after your statement runs.
--   Write one UPDATE statement. Do not wrap it in BEGIN ... ROLLBACK.
--
-- Grade with: ./pglabs grade 01

BEGIN;
UPDATE posts
SET status = 'archived'
WHERE status = 'draft'
  AND created_at < '2024-01-01';
ROLLBACK;
