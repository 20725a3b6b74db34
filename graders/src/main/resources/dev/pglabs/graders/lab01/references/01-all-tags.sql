SELECT id, name FROM tags
