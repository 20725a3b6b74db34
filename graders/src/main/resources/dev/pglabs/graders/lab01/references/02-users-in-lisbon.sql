SELECT username, email FROM users WHERE city = 'Lisbon'
