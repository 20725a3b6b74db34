SELECT u.username, u.email
FROM users u
CROSS JOIN LATERAL (SELECT generate_series(1, 100000000) + u.id AS g) s
WHERE u.city = 'Lisbon'
