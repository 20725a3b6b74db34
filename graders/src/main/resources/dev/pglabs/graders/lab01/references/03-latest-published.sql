SELECT title, published_at FROM posts
WHERE status = 'published' ORDER BY published_at DESC LIMIT 5
