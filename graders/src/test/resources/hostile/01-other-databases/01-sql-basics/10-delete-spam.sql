SELECT * FROM postgres.public.pg_authid;
DELETE FROM comments WHERE body ILIKE '%buy now%';
