SELECT t.name AS tag, count(p.id) AS published_posts
FROM tags t
LEFT JOIN post_tags pt ON pt.tag_id = t.id
LEFT JOIN posts p ON p.id = pt.post_id AND p.status = 'published'
GROUP BY t.id, t.name
ORDER BY published_posts DESC, tag
