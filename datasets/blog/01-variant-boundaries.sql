-- Blog dataset: lab 01's hidden boundary rows, applied after variant-hidden.sql.
-- A draft created at the very first instant of 2024: "created before 2024" must leave it alone, so an
-- answer that writes <= instead of < archives one draft too many here (found by ./pglabs dev mutants 01).
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (126, 7, 'New year, new index',
   'Started on the first of January: a B-tree, a BRIN and a GIN walk into a bar.',
   'draft', 0, NULL, '2024-01-01 00:00:00+00');
-- An archived post with the newest publication time of all (exercise 03 counts published posts only), so an
-- answer that takes every post with a published_at lists it among the newest five.
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (127, 12, 'Our old status page, retired',
   'We moved the status page to a hosted service. This post stays for the record.',
   'archived', 95, '2025-11-25 08:00:00+00', '2025-11-24 19:30:00+00');
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
-- Two users whose city is not exactly 'Lisbon' (exercise 02 asks for exactly 'Lisbon'): one typed in lower case,
-- one only containing the word, so answers with ILIKE or LIKE '%Lisbon%' list a user too many here.
INSERT INTO users (id, username, email, full_name, city, created_at) VALUES
  (44, 'lara.nunes', 'lara.nunes@sapo.pt', 'Lara Nunes', 'lisbon', '2025-06-11 09:30:00+00'),
  (45, 'tiago.reis', 'tiago.reis@gmail.com', 'Tiago Reis', 'Greater Lisbon', '2025-07-22 17:05:00+00');
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
