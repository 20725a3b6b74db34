BEGIN;
LOCK TABLE posts IN ACCESS EXCLUSIVE MODE;
UPDATE posts SET status = 'archived'
WHERE status = 'draft' AND created_at < '2024-01-01';
PREPARE TRANSACTION 'pglabs-hostile-hold';
