SELECT p.id, p.title, u.username
FROM posts p JOIN users u ON u.id = p.user_id
WHERE p.status = 'published'
ORDER BY p.id
