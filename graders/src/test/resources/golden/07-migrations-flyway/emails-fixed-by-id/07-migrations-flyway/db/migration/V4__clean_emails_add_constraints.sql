-- Lab 07 · V4: clean the emails, then add the constraints that keep them clean
--
-- From now on an email is stored in one canonical form: lower case, with no
-- spaces around it. Add to users
--
--     a CHECK constraint:  email = lower(btrim(email))
--     a UNIQUE constraint: on email
--
-- Production already holds emails such as 'Ana.Ferreira@Gmail.com' and
-- 'jonas.weber@posteo.de ' (look at datasets/blog-v1/data.sql). PostgreSQL
-- checks every existing row when you add a constraint, so clean the rows
-- FIRST, then add the constraints (README section 6). After cleaning, no two
-- emails in production are equal.
--
-- Grade with: ./pglabs grade 07

-- 1. Clean the data first: every email in its canonical form.
UPDATE users SET email = 'ana.ferreira@gmail.com' WHERE id = 1;
UPDATE users SET email = 'jonas.weber@posteo.de' WHERE id = 2;
UPDATE users SET email = 'priya.natarajan@outlook.com' WHERE id = 3;
UPDATE users SET email = 'liam.obrien@eircom.net' WHERE id = 6;
UPDATE users SET email = 'chloe.dubois@free.fr' WHERE id = 10;

-- 2. Only now add the constraints: every row already satisfies them.
ALTER TABLE users
    ADD CONSTRAINT users_email_canonical CHECK (email = lower(btrim(email))),
    ADD CONSTRAINT users_email_key UNIQUE (email);
