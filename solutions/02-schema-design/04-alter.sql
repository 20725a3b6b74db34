-- Lab 02 - Schema design - Exercise 04: Change tables that hold data (ALTER TABLE)
-- Starts from: users, profiles and posts of exercises 01-03, already holding
-- some rows (users, and posts by several authors). To grade this file on its
-- own, the grader creates them (the columns and keys, none of the rules) and
-- adds the rows, then runs this file.
--
-- Task
--   Change the existing tables with ALTER TABLE (do not drop or re-create
--   them: the rows in them must stay).
--
--   1. users gets a new column is_active: boolean, required (NOT NULL),
--      defaults to true. Every user that already exists must end up active.
--
--   2. An author cannot have two posts with the same title: make the pair
--      (user_id, title) unique. Different authors MAY use the same title.
--
--   3. A post whose status is 'published' must have a published_at (it may
--      not be NULL). Other posts ('draft', 'archived') may or may not have one.
--
-- Checked by
--   The catalog and behaviour: existing users are active and new ones too by
--   default, is_active cannot be NULL (SQLSTATE 23502), a second post with the
--   same author and title is rejected (23505), a published post without
--   published_at is rejected (23514), and valid rows are accepted. Some tests
--   are hidden.
--
-- Write one ALTER TABLE statement per change (or combine them). Do not wrap
-- them in BEGIN ... ROLLBACK. Grade with: ./pglabs grade 02

-- 1. Every user, old and new, is active unless told otherwise.
ALTER TABLE users ADD COLUMN is_active boolean NOT NULL DEFAULT true;

-- 2. One author cannot have two posts with the same title.
ALTER TABLE posts ADD CONSTRAINT posts_user_id_title_key UNIQUE (user_id, title);

-- 3. A published post must say when it was published.
ALTER TABLE posts ADD CONSTRAINT posts_published_has_date
    CHECK (status <> 'published' OR published_at IS NOT NULL);
