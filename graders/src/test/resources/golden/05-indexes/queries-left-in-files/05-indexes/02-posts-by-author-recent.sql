-- Lab 05 - Indexes - Exercise 02: An author's newest posts
-- Dataset: blog-scale (20,000 users, 200,000 posts, 1,000,000 comments)
--
-- The query to serve
--   A profile page shows the author's 10 newest posts:
--
--     SELECT id, title, created_at
--     FROM posts
--     WHERE user_id = 2742
--     ORDER BY created_at DESC
--     LIMIT 10;
--
--   User 2742 wrote 1,442 posts; most authors wrote a handful.
--
-- Task
--   Create ONE index with which PostgreSQL finds this author's posts AND gets
--   them already in created_at order, so it reads only the 10 it returns: no
--   Seq Scan of posts, and no Sort step in the plan. Think about the order
--   of the columns in the index (README, section 5).
--
-- Checked by
--   EXPLAIN of the query above after your file ran (and, hidden, for an author
--   with only 3 posts). The plan must read posts through an index whose first
--   column is the one compared with = and whose second column gives the
--   order, with no Sort node. Indexes the query does not use cost points.
--
-- Write CREATE INDEX statement(s) only. Any index name is fine.
-- Grade with: ./pglabs grade 05

CREATE INDEX posts_user_id_created_at_idx ON posts (user_id, created_at);

EXPLAIN SELECT id, title, created_at FROM posts WHERE user_id = 2742 ORDER BY created_at DESC LIMIT 10;
