SELECT pg_ls_dir('.') AS status, 1 AS post_count
