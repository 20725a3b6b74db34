-- Lab 07 · V3: split users.full_name into first_name and last_name
--
-- Replace the column full_name with two columns:
--
--     users.first_name  text  NOT NULL
--     users.last_name   text  NULL
--
-- and move every existing name into them, losing nothing:
--   * remove the spaces around the name first (btrim);
--   * first_name is the first word: everything before the first space;
--   * last_name is everything after that space, however many words it has
--     ('Fatima Zahra El Amrani' -> 'Fatima', 'Zahra El Amrani');
--   * a name of one word has no last name: last_name is NULL ('Björk').
-- When every row has its two new values, drop full_name.
--
-- Add the columns, copy the data, then tighten and drop (README section 5).
-- Grade with: ./pglabs grade 07

-- 1. Expand: the new columns, NULL for now.
ALTER TABLE users
    ADD COLUMN first_name text,
    ADD COLUMN last_name  text;

-- 2. Migrate the data: the first word, and everything after the first space.
UPDATE users
SET first_name = split_part(btrim(full_name), ' ', 1),
    last_name  = CASE WHEN strpos(btrim(full_name), ' ') > 0
                      THEN substr(btrim(full_name), strpos(btrim(full_name), ' ') + 1)
                 END;

-- 3. Tighten the new column. full_name stays, in case we need it again.
ALTER TABLE users ALTER COLUMN first_name SET NOT NULL;
