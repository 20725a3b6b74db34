-- Blog dataset: the users table as lab 07's migrations left it (lab 08 onwards).
-- Applied ON TOP of schema.sql + data.sql (and a variant, if any), it makes the
-- same changes as lab 07's V3 and V4: users.full_name is split into first_name
-- (NOT NULL) and last_name (NULL for a one-word name), and emails are kept in
-- one canonical form (lower case, no spaces around, unique). posts.status is
-- already part of schema.sql. The other tables (profiles, comments, tags,
-- post_tags) are the blog's as they are.
-- Deterministic: derived from the rows alone.

ALTER TABLE users
    ADD COLUMN first_name text,
    ADD COLUMN last_name  text;

UPDATE users
SET first_name = split_part(btrim(full_name), ' ', 1),
    last_name  = CASE WHEN strpos(btrim(full_name), ' ') > 0
                      THEN substr(btrim(full_name), strpos(btrim(full_name), ' ') + 1)
                 END;

ALTER TABLE users ALTER COLUMN first_name SET NOT NULL;
ALTER TABLE users DROP COLUMN full_name;

UPDATE users SET email = lower(btrim(email)) WHERE email <> lower(btrim(email));
ALTER TABLE users ADD CONSTRAINT users_email_canonical CHECK (email = lower(btrim(email)));
