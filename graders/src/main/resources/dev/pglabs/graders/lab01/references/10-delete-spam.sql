DELETE FROM comments WHERE body ILIKE '%buy now%'
