-- Lab 11 - SQL vs NoSQL - Exercise 03: How popular is each beta feature
-- Dataset: blog + user_preferences (user_id, prefs jsonb, updated_at)
--
-- Task
--   prefs->'beta_features' is a JSON array of the beta features a user
--   switched on (the key is missing for most users). Count, for each
--   feature, how many users switched it on: the kind of ad-hoc question a
--   key-value store cannot answer without reading every item.
--   Hint: jsonb_array_elements_text turns an array into rows.
--
-- Expected result
--   Columns: feature, users
--   Rows:    one per feature that at least one user switched on
--   Order:   by users (most first), then by feature
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 11

SELECT f.feature, count(*) AS users
FROM user_preferences AS p
CROSS JOIN LATERAL jsonb_array_elements_text(p.prefs->'beta_features') AS f(feature)
GROUP BY f.feature
ORDER BY users, f.feature;
