SELECT * FROM dblink('dbname=postgres', 'SELECT 1') AS t(x int);
UPDATE posts SET status = 'archived'
WHERE status = 'draft' AND created_at < '2024-01-01';
