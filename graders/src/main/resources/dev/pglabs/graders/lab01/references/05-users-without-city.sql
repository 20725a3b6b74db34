SELECT username FROM users WHERE city IS NULL ORDER BY username
