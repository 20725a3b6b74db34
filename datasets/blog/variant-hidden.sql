-- Blog dataset: hidden-check variant.
-- Applied ON TOP of schema.sql + data.sql to build a slightly different
-- database for hidden checks, so that answers hard-coded from the base data
-- (ids, counts, titles) stop matching. Every Lab 01 exercise gives a
-- different result here than on the base data.
-- Explicit ids continue after the base data; sequences are reset at the end.

SET client_encoding = 'UTF8';

-- Three new users: one more in Lisbon, one more without a city.
INSERT INTO users (id, username, email, full_name, city, created_at) VALUES
  (41, 'beatriz.lopes', 'beatriz.lopes@sapo.pt', 'Beatriz Lopes', 'Lisbon', '2025-02-14 10:05:00+00'),
  (42, 'gabriel.costa', 'gabriel.costa@gmail.com', 'Gabriel Costa', NULL, '2025-03-08 19:40:00+00'),
  (43, 'hannah.berg', 'hannah.berg@gmx.de', 'Hannah Berg', 'Berlin', '2025-04-01 08:15:00+00');

INSERT INTO profiles (user_id, bio, website, birth_date) VALUES
  (41, 'Analytics engineer. Moved from spreadsheets to SQL and never looked back.', NULL, '1994-08-03'),
  (43, NULL, 'https://hannahberg.dev', NULL);

-- New posts: a new most recent published post (with POSTGRESQL in capitals),
-- two old drafts from 2023, one recent draft and one more published post.
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (121, 41, 'Why we moved our analytics to POSTGRESQL',
   'We replaced three spreadsheets and a nightly export with one database. Here is how the migration went. Spoiler: the hardest part was agreeing on column names.',
   'published', 318, '2025-11-18 07:45:00+00', '2025-11-16 21:10:00+00'),
  (122, 2, 'Notes on MVCC and vacuum (unfinished)',
   'Why does an UPDATE create a new row version? Collecting notes before I write this up properly.',
   'draft', 0, NULL, '2023-07-19 14:22:00+00'),
  (123, 5, 'Packing list for Patagonia',
   'Layers, more layers, and a power bank. To be continued after the trip.',
   'draft', 0, NULL, '2023-10-02 09:05:00+00'),
  (124, 43, 'Ideas for a talk about query plans',
   'Possible outline: sequential scans, index scans, and the day our planner surprised us.',
   'draft', 0, NULL, '2025-09-28 16:30:00+00'),
  (125, 16, 'Lisbon to Porto by train',
   'Three hours, good coffee in the dining car and views of the coast. Book the Alfa Pendular a few days ahead.',
   'published', 742, '2025-05-03 12:40:00+00', '2025-05-02 18:00:00+00');

-- Some posts got more readers.
UPDATE posts SET views = 7120 WHERE id = 2;
UPDATE posts SET views = views + 250 WHERE id IN (36, 104, 113);

-- Tags: 'cobol' (never used) is removed, 'observability' is added.
DELETE FROM tags WHERE id = 15;
INSERT INTO tags (id, name) VALUES (16, 'observability');

INSERT INTO post_tags (post_id, tag_id) VALUES
  (121, 1), (121, 2), (121, 16),
  (122, 1), (122, 3),
  (124, 3), (124, 16),
  (125, 12);

-- Comments on the new posts, two of them spam.
INSERT INTO comments (id, post_id, user_id, body, created_at) VALUES
  (301, 121, 1, 'Welcome to the club! Did you keep any of the spreadsheets?', '2025-11-18 10:02:00+00'),
  (302, 121, 26, 'Cheap managed databases, BUY NOW and get the first month free http://db-deals.example.com', '2025-11-18 13:37:00+00'),
  (303, 125, 26, 'Train tickets 50% off, Buy now!!! http://rail-deals.example.net', '2025-05-04 02:15:00+00'),
  (304, 125, 9, 'Sit on the left side going north for the best views.', '2025-05-04 18:20:00+00');

SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));
SELECT setval(pg_get_serial_sequence('tags', 'id'), (SELECT max(id) FROM tags));
