WITH author_stats AS (
    SELECT u.id, u.username, count(*) AS published_posts, sum(p.views) AS total_views
    FROM users u JOIN posts p ON p.user_id = u.id
    WHERE p.status = 'published'
    GROUP BY u.id, u.username)
SELECT username, published_posts, total_views
FROM author_stats
WHERE total_views > (SELECT avg(total_views) FROM author_stats)
ORDER BY total_views DESC, username
