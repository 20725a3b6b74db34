-- Blog dataset: lab 01's hidden boundary rows, applied after variant-hidden.sql.
-- A draft created at the very first instant of 2024: "created before 2024" must leave it alone, so an
-- answer that writes <= instead of < archives one draft too many here (found by ./pglabs dev mutants 01).
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (126, 7, 'New year, new index',
   'Started on the first of January: a B-tree, a BRIN and a GIN walk into a bar.',
   'draft', 0, NULL, '2024-01-01 00:00:00+00');
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
