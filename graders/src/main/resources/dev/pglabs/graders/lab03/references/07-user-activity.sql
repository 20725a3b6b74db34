SELECT u.username,
       (SELECT count(*) FROM posts p WHERE p.user_id = u.id) AS post_count,
       (SELECT coalesce(sum(p.views), 0) FROM posts p WHERE p.user_id = u.id) AS total_views,
       (SELECT count(*) FROM comments c WHERE c.user_id = u.id) AS comment_count
FROM users u
ORDER BY u.username
