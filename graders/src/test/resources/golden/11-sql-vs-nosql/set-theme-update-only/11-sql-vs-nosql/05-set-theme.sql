-- Lab 11 - SQL vs NoSQL - Exercise 05: Set one preference, keep the others (an upsert)
-- Dataset: blog + user_preferences (user_id, prefs jsonb, updated_at)
--
-- Task
--   The SQL twin of the DynamoDB put in PreferencesStore.java: users 12 and
--   40 pick the dark theme. Set "theme": "dark" in their documents and keep
--   every other key they have. User 40 has no row yet: create it (with
--   only the theme). Set updated_at to now() on the rows you write.
--   One INSERT ... ON CONFLICT (user_id) DO UPDATE does both cases; the
--   || operator merges two objects (the right one wins on equal keys).
--
-- Write one statement (or one per user). Change nothing else.
-- Grade with: ./pglabs grade 11

UPDATE user_preferences
   SET prefs = prefs || '{"theme": "dark"}', updated_at = now()
 WHERE user_id IN (12, 40);
