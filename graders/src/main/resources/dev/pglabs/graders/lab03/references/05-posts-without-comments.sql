SELECT p.id, p.title, u.username
FROM posts p JOIN users u ON u.id = p.user_id
WHERE p.status = 'published'
  AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.post_id = p.id)
ORDER BY p.id
