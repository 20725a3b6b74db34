-- Lab 05 - Indexes - Exercise 06: Clean up redundant indexes
-- Dataset: blog-scale (20,000 users, 200,000 posts, 1,000,000 comments)
--
-- The situation
--   Over the years a previous developer added indexes to users without
--   looking at what was there already. Besides the primary key and the
--   indexes of the UNIQUE constraints on username and email, users has:
--
--     users_email_idx, users_city_idx, idx_users_city, users_created_at_idx
--
--   Some of them are redundant: they cost disk space and slow down every
--   INSERT and UPDATE of users, and no query needs them. The app searches
--   users by email, by city and by created_at, so one index for each of those
--   must stay. (README, section 9, shows how to list and compare indexes.)
--
-- Task
--   Drop every index on users that repeats another index (same columns,
--   whatever its name), and nothing else. You cannot (and should not) drop
--   an index that backs a PRIMARY KEY or UNIQUE constraint.
--
-- Checked by
--   The indexes left on users after your file ran: no two with the same
--   columns, and still one for email, one for city and one for created_at.
--
-- Write DROP INDEX statement(s) only.
-- Grade with: ./pglabs grade 05

-- users_email_idx repeats users_email_key, the index of UNIQUE (email).
DROP INDEX users_email_idx;
-- users_city_idx and idx_users_city are the same index; keep one.
DROP INDEX idx_users_city;
DROP INDEX users_city_idx;
DROP INDEX users_created_at_idx;
