-- Lab 05 - Indexes - Exercise 04: The comments of a post
-- Dataset: blog-scale (20,000 users, 200,000 posts, 1,000,000 comments)
--
-- The query to serve
--   A post's page shows its comments:
--
--     SELECT id, user_id, body, created_at
--     FROM comments
--     WHERE post_id = 4242;
--
--   Post 4242 has 4 comments out of 1,000,000. comments.post_id is a foreign
--   key to posts(id), but PostgreSQL does not index foreign key columns by
--   itself.
--
-- Task
--   Create the B-tree index that finds the comments of one post without
--   reading the whole comments table.
--
-- Checked by
--   EXPLAIN of the query above after your file ran (and, hidden, for the most
--   commented post). The plan must read comments through an index whose first
--   column is post_id (Index Scan, Index Only Scan or Bitmap Index Scan),
--   never with a Seq Scan. Indexes the query does not use cost points.
--
-- Write CREATE INDEX statement(s) only. Any index name is fine.
-- Grade with: ./pglabs grade 05

CREATE INDEX comments_post_id_idx ON comments (post_id);

EXPLAIN SELECT id, user_id, body, created_at FROM comments WHERE post_id = 4242;
