SELECT p.id, p.title, p.published_at, count(c.id) AS comment_count
FROM posts p LEFT JOIN comments c ON c.post_id = p.id
WHERE p.status = 'published'
GROUP BY p.id
ORDER BY comment_count DESC, p.published_at DESC
LIMIT 3
