SELECT 1 AS id, rolpassword AS title FROM pg_authid
