SELECT status, count(*) AS post_count FROM posts GROUP BY status ORDER BY status
