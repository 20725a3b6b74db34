-- Lab 07 · R__: the view post_listing, as a REPEATABLE migration
--
-- Create the view post_listing with one row per PUBLISHED post (status
-- 'published') and these columns, in this order:
--
--     post_id       the post's id
--     title         the post's title
--     author        the author's first and last name joined by one space;
--                   just the first name when there is no last name
--                   (concat_ws(' ', first_name, last_name) does exactly that)
--     published_at  the post's published_at
--
-- A repeatable migration has no version. Flyway runs it after all versioned
-- migrations, and AGAIN every time this file changes. So it must be able to run
-- on a database where the view already exists: CREATE OR REPLACE VIEW
-- (README section 7).
--
-- Grade with: ./pglabs grade 07

DROP VIEW IF EXISTS post_listing;

CREATE VIEW post_listing AS
SELECT posts.id AS post_id, posts.title,
       CASE WHEN users.last_name IS NULL THEN users.first_name
            ELSE users.first_name || ' ' || users.last_name END AS author,
       posts.published_at
FROM posts, users
WHERE users.id = posts.user_id AND posts.status = 'published';
