-- Lab 01 - SQL basics - Exercise 05: Users without a city
-- Dataset: blog (tables users, profiles, posts, comments, tags, post_tags)
--
-- Task
--   Find the users who have no city on file (city is NULL).
--   Careful: city = NULL never matches any row. The README section on NULL
--   explains why and what to write instead.
--
-- Expected result
--   Columns: username
--   Rows:    one row per user whose city is NULL
--   Order:   username ascending (usernames are unique, so no ties)
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade 01

SELECT username
FROM users
WHERE city IS NULL;
