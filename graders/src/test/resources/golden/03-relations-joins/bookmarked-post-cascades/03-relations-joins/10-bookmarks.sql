-- Lab 03 - Relations and joins - Exercise 10: Bookmarks and ON DELETE
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Readers want to save posts to read later. Create the table bookmarks
--   (a junction table between users and posts) with these columns:
--
--     user_id         integer, required: the user who saved the post,
--                     references users(id).
--                     When that user is deleted, their bookmarks are deleted
--                     with them.
--     post_id         integer, required: the saved post, references posts(id).
--                     A post that somebody has bookmarked must NOT be
--                     deletable: deleting it fails with an error (use
--                     RESTRICT; NO ACTION, the default, behaves the same here).
--     recommended_by  integer, optional (NULL allowed): the user who
--                     recommended the post, references users(id).
--                     When that user is deleted, the bookmark stays and
--                     recommended_by becomes NULL.
--
--   A user can bookmark a given post only once: the primary key is
--   (user_id, post_id).
--
-- Checked by behaviour
--   The grader runs your file on a fresh copy of the blog data, inserts a few
--   bookmarks (for test users and posts of its own) and then:
--     * tries bookmarks that must be rejected: an unknown user or post, a
--       NULL user or post, the same post twice by the same user;
--     * deletes a user: their bookmarks must be gone, the others untouched;
--     * deletes a bookmarked post: the DELETE must fail with SQLSTATE 23503
--       (foreign_key_violation) and change nothing;
--     * deletes the user who recommended posts: the bookmarks must stay, with
--       recommended_by NULL.
--
-- Write the CREATE TABLE statement (only that: no BEGIN/ROLLBACK, no changes
-- to the blog's own tables).
-- Grade with: ./pglabs grade 03

CREATE TABLE bookmarks (
    user_id         integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    post_id         integer NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    recommended_by  integer NULL REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (user_id, post_id)
);
