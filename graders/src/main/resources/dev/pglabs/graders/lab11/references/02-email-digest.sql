SELECT u.username, u.email, COALESCE(p.prefs->>'language', 'en') AS language
FROM users u JOIN user_preferences p ON p.user_id = u.id
WHERE p.prefs @> '{"notifications": {"email": true}}' ORDER BY u.username
