-- Lab 07 · V2: give every post a status (a NOT NULL column, with a backfill)
--
-- Add the column
--
--     posts.status  text  NOT NULL  DEFAULT 'draft'
--                   CHECK (status IN ('draft', 'published', 'archived'))
--
-- and fill it in for the posts that already exist:
--   * 'published' for a post that has a published_at,
--   * 'draft' for a post whose published_at is NULL.
-- New posts that do not say otherwise start as 'draft' (the DEFAULT).
-- Keep published_at as it is.
--
-- Production holds rows (datasets/blog-v1/data.sql): a column that is NOT NULL
-- from the start cannot be added to a table with rows unless every row gets a
-- value. Add it, backfill it, then make it NOT NULL (README section 4).
--
-- Flyway runs this file once per database, in a transaction of its own.
-- Grade with: ./pglabs grade 07

ALTER TABLE posts ADD COLUMN status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'published', 'archived'));
