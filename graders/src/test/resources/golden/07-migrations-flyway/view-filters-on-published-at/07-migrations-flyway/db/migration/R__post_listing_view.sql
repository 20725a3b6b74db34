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

CREATE OR REPLACE VIEW post_listing AS
SELECT p.id AS post_id,
       p.title,
       concat_ws(' ', u.first_name, u.last_name) AS author,
       p.published_at
FROM posts AS p
JOIN users AS u ON u.id = p.user_id
WHERE p.published_at IS NOT NULL;
