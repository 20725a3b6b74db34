SELECT u.username, count(DISTINCT c.post_id) AS posts_commented
FROM users u JOIN comments c ON c.user_id = u.id
GROUP BY u.id, u.username
HAVING count(DISTINCT c.post_id) >= 10
ORDER BY posts_commented DESC, u.username
