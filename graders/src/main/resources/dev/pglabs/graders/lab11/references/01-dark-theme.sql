SELECT u.id, u.username FROM users u JOIN user_preferences p ON p.user_id = u.id
WHERE p.prefs @> '{"theme": "dark"}' ORDER BY u.username
