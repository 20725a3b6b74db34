SELECT count(*) AS published_posts, sum(views) AS total_views,
       round(avg(views)::numeric, 2) AS avg_views, max(views) AS max_views
FROM posts WHERE status = 'published'
