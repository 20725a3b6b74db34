-- Lab 05 - Indexes - Exercise 03: The newest drafts
-- Dataset: blog-scale (20,000 users, 200,000 posts, 1,000,000 comments)
--
-- The query to serve
--   The editors' dashboard lists the 20 newest drafts:
--
--     SELECT id, user_id, title, created_at
--     FROM posts
--     WHERE status = 'draft'
--     ORDER BY created_at DESC
--     LIMIT 20;
--
--   Only about 1 post in 100 is a draft, and the app never searches the
--   published or archived posts this way.
--
-- Task
--   Create a PARTIAL index: one that holds only the drafts (README, section 7)
--   and gives them in created_at order, so that the plan has no Seq Scan of
--   posts and no Sort step.
--
-- Checked by
--   EXPLAIN of the query above after your file ran (and, hidden, of the next
--   page: the same query with AND created_at < '2024-01-01'). The plan must
--   read posts through an index whose WHERE keeps exactly the drafts, with no
--   Sort node. An index over all posts that serves the query earns half the
--   points. Indexes the query does not use cost points.
--
-- Write CREATE INDEX statement(s) only. Any index name is fine.
-- Grade with: ./pglabs grade 05

CREATE INDEX posts_drafts_created_at_idx ON posts (created_at) WHERE status = 'draft';

EXPLAIN SELECT id, user_id, title, created_at FROM posts WHERE status = 'draft' ORDER BY created_at DESC LIMIT 20;
