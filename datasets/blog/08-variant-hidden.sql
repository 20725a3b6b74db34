-- Blog dataset: lab 08's hidden rows, applied after variant-hidden.sql and lab07-final.sql. Lab 08's query checks
-- take their inputs from the data (the tag on the most published posts, the user with the most posts, pages of a
-- tenth of the published posts), so with these rows the hidden checks ask for another tag, another user and
-- another page size than the visible ones: an answer that hard-codes the visible inputs or copies their rows fails.
-- - rui.pacheco publishes four more posts (12 posts in all; chloe.dubois, the visible checks' user, has 10);
-- - the tag observability goes on every published post with an odd id (46 posts; sql, the visible tag, has 29);
-- - 80 published posts in all (74 on the visible data), so pages of 8 posts instead of 7.

INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (141, 24, 'Tracing a slow checkout from the browser to the database',
   'One request, four services and a query that waited on a lock. How we followed it end to end.',
   'published', 412, '2025-12-03 09:15:00+00', '2025-12-02 20:05:00+00'),
  (142, 24, 'Dashboards nobody reads',
   'We deleted half our dashboards and nobody noticed. What we kept, and the alerts that replaced the rest.',
   'published', 233, '2025-12-05 16:40:00+00', '2025-12-05 08:30:00+00'),
  (143, 24, 'Sampling traces without losing the interesting ones',
   'Head sampling keeps the boring requests. Tail sampling keeps the slow ones, at a price.',
   'published', 198, '2025-12-09 11:00:00+00', '2025-12-08 22:45:00+00'),
  (144, 24, 'Structured logs, a short talk',
   'Fields, not sentences. Levels that mean something. A request id everywhere.',
   'published', 87, '2025-12-11 08:00:00+00', '2025-12-10 07:20:00+00');

INSERT INTO post_tags (post_id, tag_id) VALUES
  (141, 3), (142, 16), (143, 1), (144, 16);

INSERT INTO post_tags (post_id, tag_id)
SELECT id, 16 FROM posts WHERE status = 'published' AND id % 2 = 1
ON CONFLICT DO NOTHING;

INSERT INTO comments (id, post_id, user_id, body, created_at) VALUES
  (341, 141, 2, 'The lock was the autovacuum? Or a long transaction in the admin tool?', '2025-12-03 10:02:00+00'),
  (342, 141, 24, 'A long transaction: someone left a psql session open over lunch.', '2025-12-03 10:30:00+00'),
  (343, 141, 7, 'idle_in_transaction_session_timeout saved us from the same thing.', '2025-12-03 12:11:00+00'),
  (344, 142, 13, 'Which alert fired first after the cleanup?', '2025-12-05 18:05:00+00'),
  (345, 143, 1, 'Do you keep every error trace, sampled or not?', '2025-12-09 13:20:00+00');

SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));
