-- Lab 11 - SQL vs NoSQL - Exercise 01: Users who chose the dark theme
-- Dataset: blog + user_preferences (user_id, prefs jsonb, updated_at)
--
-- Task
--   List the users whose preferences document says "theme": "dark".
--   Ask with JSONB containment (@>), so that the GIN index
--   user_preferences_prefs_gin can answer it: the grader checks the plan.
--   (prefs->>'theme' = 'dark' gives the same rows but cannot use that index.)
--
-- Expected result
--   Columns: id, username (of the user)
--   Rows:    one per user whose prefs contain {"theme": "dark"}
--   Order:   by username
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 11

SELECT u.id AS user_id, u.username
FROM users AS u
JOIN user_preferences AS p ON p.user_id = u.id
WHERE p.prefs @> '{"theme": "dark"}'
ORDER BY u.username;
