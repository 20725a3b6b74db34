-- Lab 02 - Schema design - Exercise 02: The profiles table (one-to-one with users)
-- Starts from: the users table of exercise 01. To grade this file on its own,
-- the grader first creates users with the columns and key exercise 01 asks
-- for (none of its rules), then runs this file: create ONLY profiles here.
--
-- Task
--   Write the CREATE TABLE statement for profiles: optional extra details about
--   a user. A user has at most one profile, and a profile belongs to exactly
--   one user.
--
--   column      type                                  rules
--   ----------  ------------------------------------  ---------------------------------
--   user_id     integer or bigint (the type of        primary key, AND a foreign key
--               users.id), NOT generated              to users(id); when the user is
--                                                     deleted, the profile is deleted
--                                                     too (ON DELETE CASCADE)
--   bio         text (or varchar(n) with n >= 500)    optional
--   website     text (or varchar(n) with n >= 100)    optional
--   birth_date  date                                  optional; if given, from
--                                                     1900-01-01 (included) up to
--                                                     yesterday: never today or later
--
--   Use exactly these column names, and no others.
--
-- Checked by
--   The catalog (columns, types, primary key) and behaviour: a profile for a
--   user that does not exist must be rejected (SQLSTATE 23503), birth dates out
--   of range too (23514), valid profiles accepted, and deleting a user must
--   delete their profile. Some of these tests are hidden.
--
-- Write a CREATE TABLE statement. Grade with: ./pglabs grade 02

CREATE TABLE profiles (
    user_id     integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    bio         text,
    website     text,
    birth_date  date CHECK (birth_date >= DATE '1900-01-01' AND birth_date < CURRENT_DATE)
);
