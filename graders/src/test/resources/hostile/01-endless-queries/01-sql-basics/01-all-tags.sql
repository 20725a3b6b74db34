SELECT t.*
FROM tags t
CROSS JOIN LATERAL (
    SELECT count(*)
    FROM (SELECT generate_series(1, 100000000) AS a) s
    CROSS JOIN LATERAL (SELECT generate_series(1, s.a)) b
) c
