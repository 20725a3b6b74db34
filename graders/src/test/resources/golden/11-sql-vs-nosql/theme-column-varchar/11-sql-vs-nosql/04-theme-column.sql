-- Lab 11 - SQL vs NoSQL - Exercise 04: A generated column for the theme
-- Dataset: blog + user_preferences (user_id, prefs jsonb, updated_at)
--
-- Task
--   The settings page filters users by theme all the time. Give
--   user_preferences a real column for it that PostgreSQL keeps in step
--   with the document by itself:
--     1. a column named theme, type text, GENERATED ALWAYS AS the value of
--        the "theme" key (as text, NULL when the key is missing) STORED;
--     2. a B-tree index on that column, so WHERE theme = 'dark' can use it.
--
-- Write the ALTER TABLE and the CREATE INDEX statements (nothing else).
-- The grader checks the catalog, the values, that the column follows an
-- UPDATE of prefs, and that the index serves WHERE theme = '…'.
-- Grade with: ./pglabs grade 11

ALTER TABLE user_preferences
    ADD COLUMN theme varchar(10) GENERATED ALWAYS AS (prefs->>'theme') STORED;

CREATE INDEX user_preferences_theme_idx ON user_preferences (theme);
