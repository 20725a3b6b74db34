SELECT u.username, count(p.id) AS post_count
FROM users u LEFT JOIN posts p ON p.user_id = u.id
GROUP BY u.id, u.username
ORDER BY u.username
