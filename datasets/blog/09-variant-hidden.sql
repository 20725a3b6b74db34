-- Blog dataset: lab 09's hidden rows, applied after variant-hidden.sql and lab07-final.sql (users have first_name
-- and last_name here). The hidden checks of lab 09 read other posts by other authors than the visible ones, so an
-- answer that fits the visible posts does not pass by copying them:
-- - the post with the most comments and tags is a new one by a new user, its tags stored in an order other than
--   A to Z and its comments stored in an order other than oldest first, two of them written at the same instant
--   (the comment id decides);
-- - post 34, the first published post without comments on the visible data, gets a comment;
-- - the five newest published posts share two publication times, stored in an order other than the requested
--   one, so a list without the tie-breaker (higher id first) gets the first page and the page boundaries wrong.

INSERT INTO users (id, username, email, first_name, last_name, city, created_at) VALUES
  (44, 'leila.mansour', 'leila.mansour@proton.me', 'Leila', 'Mansour', 'Amman', '2025-06-02 11:20:00+00'),
  (45, 'tomasz.wrobel', 'tomasz.wrobel@wp.pl', 'Tomasz', 'Wróbel', 'Wrocław', '2025-07-15 17:45:00+00');

INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at) VALUES
  (131, 45, 'Connection pools, explained with a coffee shop',
   'Baristas are connections, customers are requests, and the queue at the counter is your pool''s wait time.',
   'published', 204, '2025-12-02 08:00:00+00', '2025-12-01 19:30:00+00'),
  (130, 44, 'Row-level security for a multi-tenant API',
   'Every tenant sees only its rows, even when the API forgets a WHERE clause. Policies, roles and the traps we hit.',
   'published', 1290, '2025-12-02 08:00:00+00', '2025-11-29 10:15:00+00'),
  (132, 7, 'Reading EXPLAIN ANALYZE without fear',
   'Start at the innermost node, compare estimated and actual rows, and only then look at the costs.',
   'published', 87, '2025-12-02 08:00:00+00', '2025-12-02 07:50:00+00'),
  (133, 44, 'What a 403 should not tell you',
   'Answer 404 for a resource the caller may not know about: a 403 confirms that it exists.',
   'published', 412, '2025-11-18 07:45:00+00', '2025-11-17 09:00:00+00'),
  (134, 45, 'Paging with OFFSET: when it stops being enough',
   'OFFSET reads and throws away every row before the page. Keyset paging remembers where the last page ended.',
   'published', 356, '2025-11-18 07:45:00+00', '2025-11-16 14:40:00+00');

INSERT INTO post_tags (post_id, tag_id) VALUES
  (130, 16), (130, 1), (130, 5), (130, 10), (130, 2),
  (131, 1), (134, 3);

INSERT INTO comments (id, post_id, user_id, body, created_at) VALUES
  (312, 130, 45, 'Same instant as the one above, and a shorter question: does it work with pgbouncer?', '2025-12-02 09:30:00+00'),
  (310, 130, 3, 'We did this last year. Test the policies with a role that is not the table owner!', '2025-12-03 08:10:00+00'),
  (311, 130, 12, 'How do you pass the tenant id: SET LOCAL in every transaction?', '2025-12-02 09:30:00+00'),
  (315, 130, 44, 'Yes, SET LOCAL app.tenant inside the transaction the pool hands out.', '2025-12-02 10:05:00+00'),
  (313, 130, 1, 'Great write-up. The part about views and security_invoker saved me an afternoon.', '2025-12-04 16:45:00+00'),
  (314, 130, 26, 'Multi-tenant hosting at half the price, BUY NOW http://tenant-deals.example.org', '2025-12-02 08:20:00+00'),
  (317, 130, 9, 'Does FORCE ROW LEVEL SECURITY matter if the API never connects as the owner?', '2025-12-05 12:00:00+00'),
  (316, 130, 45, 'Answering my own question: pgbouncer in transaction mode is fine with SET LOCAL.', '2025-12-03 21:55:00+00'),
  (319, 130, 5, 'Bookmarked for our next architecture review.', '2025-12-06 07:30:00+00'),
  (318, 130, 44, 'It does: without FORCE the owner skips the policies, and migrations run as the owner.', '2025-12-05 18:25:00+00'),
  (320, 34, 45, 'Late to the party, but this is still the clearest explanation I found.', '2025-12-01 20:00:00+00');

SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
SELECT setval(pg_get_serial_sequence('comments', 'id'), (SELECT max(id) FROM comments));
