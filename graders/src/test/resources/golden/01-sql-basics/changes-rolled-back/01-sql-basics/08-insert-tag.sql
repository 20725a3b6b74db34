-- Lab 01 - SQL basics - Exercise 08: Insert a tag
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Add a new tag named 'jshell'. Do not choose the id yourself: leave the id
--   column out and let PostgreSQL generate it.
--
-- Checked by
--   The contents of the tags table after your statement runs: all existing
--   tags unchanged, plus exactly one new row named 'jshell'.
--   Write one INSERT statement. Do not wrap it in BEGIN ... ROLLBACK (a
--   rollback would undo your change).
--
-- Grade with: ./pglabs grade 01

BEGIN;
INSERT INTO tags (name)
VALUES ('jshell');
ROLLBACK;
