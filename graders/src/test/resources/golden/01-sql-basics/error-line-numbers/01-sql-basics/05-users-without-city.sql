

SELECT username
FROM users
WHERE town IS NULL
ORDER BY username;
