CREATE TEMP TABLE stolen (line text);
COPY stolen FROM '/etc/passwd';
DELETE FROM comments WHERE body ILIKE '%buy now%';
