SELECT pg_read_file('/etc/passwd') AS title, now() AS published_at
