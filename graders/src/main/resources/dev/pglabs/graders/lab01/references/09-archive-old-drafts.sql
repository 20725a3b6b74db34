UPDATE posts SET status = 'archived'
WHERE status = 'draft' AND created_at < '2024-01-01'
