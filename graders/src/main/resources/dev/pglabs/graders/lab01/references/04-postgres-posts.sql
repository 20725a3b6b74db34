SELECT id, title FROM posts WHERE title ILIKE '%postgresql%' ORDER BY id
