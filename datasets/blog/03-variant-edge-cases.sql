-- Blog dataset: Lab 03 (relations and joins) hidden-check variant.
-- Applied ON TOP of schema.sql + data.sql. Every Lab 03 query exercise gives a different result here
-- than on the base data, and each change is aimed at a classic join mistake:
--   * users with no posts and no comments, a post with no tags, a tag with no posts
--     (INNER JOIN where LEFT JOIN is needed; COUNT(*) over an outer join counts 1 instead of 0);
--   * an author with two posts of exactly the same views (SUM(DISTINCT views) hides a fan-out but
--     loses one of the two posts);
--   * four published posts tied on comment count at the LIMIT boundary of exercise 06, where id order,
--     id order reversed and "whatever comes first" all pick a different post than the tie-breaker;
--   * a commenter who reaches the HAVING threshold exactly, and one with many comments on one post
--     (COUNT(*) instead of COUNT(DISTINCT post_id));
--   * a second 'Ana Ferreira' and a second post titled 'Virtual threads: first impressions'
--     (grouping or joining by a name instead of the key).
--   * three authors tied on total views above the average of exercise 08, and one exactly on the average
--     (a dropped or reversed tie-breaker, >= for >);
--   * posts stored out of id order (a query without the ORDER BY it was asked for).
-- Explicit ids continue after the base data; sequences are reset at the end.

SET client_encoding = 'UTF8';

-- Three new users: one writes two posts but never comments, two do nothing at all.
-- Users 41 and 43 share their full name with user 1 (ana.ferreira).
INSERT INTO users (id, username, email, full_name, city, created_at) VALUES
  (41, 'ana.f', 'ana.f@mail.pt', 'Ana Ferreira', 'Porto', '2025-01-10 09:30:00+00'),
  (42, 'new.reader', 'new.reader@example.org', 'Noah Reader', NULL, '2025-06-01 18:00:00+00'),
  (43, 'ferreira.ana', 'ferreira.ana@example.org', 'Ana Ferreira', 'Coimbra', '2025-08-20 07:45:00+00');

-- New posts.
--   121: same title as post 43, published between posts 72 and 104; gets 8 comments (a tie).
--   122: same views as 121 (same author), tagged postgresql + performance, no comments.
--   123: the first post of sam.okafor (who had none), no comments, no tags.
--   124: a draft tagged postgresql + performance.
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (121, 41, 'Virtual threads: first impressions',
   'Another take on virtual threads, from a team that runs a lot of blocking JDBC code. Short version: it works, pin your carriers carefully.',
   'published', 500, '2025-03-01 10:00:00+00', '2025-02-27 16:20:00+00'),
  (122, 41, 'Autovacuum settings we actually changed',
   'Three settings, one table with a hot update pattern, and the graphs before and after.',
   'published', 500, '2025-04-02 08:15:00+00', '2025-03-30 11:05:00+00'),
  (123, 28, 'Hiring juniors in 2025',
   'What we changed in our interviews, and why a take-home exercise is not always unfair.',
   'published', 210, '2025-07-07 13:00:00+00', '2025-07-06 09:40:00+00'),
  (124, 2, 'Notes on HOT updates (unfinished)',
   'Heap-only tuples, fillfactor and why an index on an updated column changes everything.',
   'draft', 0, NULL, '2025-10-30 20:10:00+00');

-- A tag nobody uses yet.
INSERT INTO tags (id, name) VALUES (16, 'observability');

-- Post 2 loses 'performance' (it no longer has both 'postgresql' and 'performance'); new tags.
DELETE FROM post_tags WHERE post_id = 2 AND tag_id = 3;
INSERT INTO post_tags (post_id, tag_id) VALUES
  (121, 5),
  (122, 1), (122, 3),
  (124, 1), (124, 3);

INSERT INTO comments (id, post_id, user_id, body, created_at) VALUES
  -- Post 121 gets 8 comments: now 43, 72, 104 and 121 all have 8 (below posts 1 and 2 with 9).
  (301, 121, 14, 'Did you measure pinning with JFR?', '2025-03-01 12:00:00+00'),
  (302, 121, 9, 'Same experience here with JDBC.', '2025-03-01 14:30:00+00'),
  (303, 121, 15, 'Great follow-up to the other post with this title!', '2025-03-02 08:10:00+00'),
  (304, 121, 20, 'Bookmarked.', '2025-03-02 19:45:00+00'),
  (305, 121, 22, 'Sharing this with my team.', '2025-03-03 07:00:00+00'),
  (306, 121, 25, 'Clear and practical, thanks.', '2025-03-04 11:25:00+00'),
  (307, 121, 30, 'What about synchronized blocks?', '2025-03-05 16:40:00+00'),
  (308, 121, 32, 'Nice write-up.', '2025-03-06 21:05:00+00'),
  -- Posts 72 and 104 catch up to 8 comments.
  (309, 72, 14, 'Keyset pagination saved our admin pages.', '2025-05-01 09:00:00+00'),
  (310, 72, 33, 'How do you handle sorting by a non-unique column?', '2025-05-02 10:30:00+00'),
  (311, 104, 37, 'Mine too, for the same reasons.', '2025-07-01 08:00:00+00'),
  -- Post 37 gets its first comment (it leaves the "no comments yet" list).
  (312, 37, 39, 'We do this every Friday, it works.', '2025-02-11 15:15:00+00'),
  -- arjun.mehta argues four times under one archived post: 12 comments, but only 9 different posts.
  (313, 56, 19, 'Identity columns are the way to go.', '2025-04-10 10:00:00+00'),
  (314, 56, 19, 'No, really, gaps do not matter.', '2025-04-10 10:20:00+00'),
  (315, 56, 19, 'Fine, unless you print invoice numbers.', '2025-04-10 11:05:00+00'),
  (316, 56, 19, 'Last comment from me on this, promise.', '2025-04-11 09:00:00+00');
-- kofi.mensah commented on two more different posts (121 and 72 above): exactly 10 now.

-- Exercise 08 at its edges. Before these rows the 29 authors total 108,881 views. Three new authors tie on
-- 5,029 views (the tie-breaker on username decides their order), and kenji.mori's 3,874 is then exactly the
-- average of the 33 authors (127,842 / 33): "greater than the average" must leave him out.
INSERT INTO users (id, username, email, full_name, city, created_at) VALUES
  (44, 'mia.schulz', 'mia.schulz@web.de', 'Mia Schulz', 'Hamburg', '2025-02-03 10:00:00+00'),
  (45, 'elif.demir', 'elif.demir@example.com.tr', 'Elif Demir', 'Istanbul', '2025-02-14 12:30:00+00'),
  (46, 'bruno.alves', 'bruno.alves@example.com.br', 'Bruno Alves', 'Recife', '2025-03-01 08:15:00+00'),
  (47, 'kenji.mori', 'kenji.mori@example.jp', 'Kenji Mori', 'Sapporo', '2025-03-09 17:45:00+00');

-- Stored out of id order on purpose: a query that leaves out the ORDER BY the task asks for gets them in the
-- order they were stored, not by id.
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (129, 47, 'Partial indexes for the rows you actually query',
   'Most of our queries only look at open orders, so most of our index was dead weight.',
   'published', 3874, '2025-09-04 09:00:00+00', '2025-09-02 15:10:00+00'),
  (127, 45, 'Teaching SQL with real data',
   'Students remember the query that found their own bug better than any textbook example.',
   'published', 2529, '2025-08-21 14:20:00+00', '2025-08-19 10:00:00+00'),
  (125, 44, 'What a year of on-call taught me',
   'Alerts nobody acts on, runbooks nobody reads, and the two changes that fixed both.',
   'published', 5029, '2025-08-12 07:30:00+00', '2025-08-10 21:00:00+00'),
  (128, 46, 'Moving a monolith to PostgreSQL 16',
   'Logical replication, a weekend of dry runs and one very long Sunday night.',
   'published', 5029, '2025-08-27 18:05:00+00', '2025-08-25 09:30:00+00'),
  (126, 45, 'Window functions, gently',
   'ROW_NUMBER, RANK and a running total, each with a question from our own dashboard.',
   'published', 2500, '2025-08-15 11:45:00+00', '2025-08-14 16:40:00+00');

SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));
SELECT setval(pg_get_serial_sequence('tags', 'id'), (SELECT max(id) FROM tags));
