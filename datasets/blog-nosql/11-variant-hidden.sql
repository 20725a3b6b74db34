-- Lab 11, hidden-check variant: applied after preferences.sql on the blog data
-- with blog/variant-hidden.sql, so that answers hard-coded from the base data
-- stop matching. Users change their minds, new users set preferences.

UPDATE user_preferences SET prefs = prefs || jsonb_build_object('theme', 'dark') WHERE user_id IN (1, 2, 14);
UPDATE user_preferences SET prefs = prefs - 'theme' WHERE user_id = 3;
UPDATE user_preferences
   SET prefs = prefs || jsonb_build_object('notifications', (prefs -> 'notifications') || jsonb_build_object('email', false))
 WHERE user_id = 5;
UPDATE user_preferences SET prefs = prefs || '{"beta_features": ["markdown-preview", "offline-drafts"]}'
 WHERE user_id IN (2, 9);
-- User 12 (whom exercise 05 sets to dark) went light and tried offline drafts: an answer that only touches
-- updated_at, or writes the document it saw in the base data, no longer matches; offline-drafts now ties with
-- dark-code-blocks in exercise 03.
UPDATE user_preferences SET prefs = prefs || '{"theme": "light", "beta_features": ["offline-drafts"]}'
 WHERE user_id = 12;

INSERT INTO user_preferences (user_id, prefs) VALUES
  (41, '{"theme": "dark", "language": "pt", "notifications": {"email": true, "push": false},
         "beta_features": ["offline-drafts"]}'),
  (43, '{"language": "de", "notifications": {"email": true}}');
