-- Lab 11 - SQL vs NoSQL - Exercise 02: Who gets the weekly e-mail digest
-- Dataset: blog + user_preferences (user_id, prefs jsonb, updated_at)
--
-- Task
--   The weekly digest goes to every user whose preferences have
--   notifications.email set to true (a JSON boolean, nested one level
--   down). For each, give the language to write it in: prefs->>'language',
--   or 'en' when the user never set one.
--
-- Expected result
--   Columns: username, email, language
--   Rows:    one per user with notifications.email = true
--   Order:   by username
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 11

SELECT u.username, u.email, COALESCE(p.prefs->>'language', 'en') AS language
FROM users AS u
JOIN user_preferences AS p ON p.user_id = u.id
WHERE p.prefs @> '{"notifications": {"email": "true"}}'
ORDER BY u.username;
