SELECT f.feature, count(*) AS users FROM user_preferences p
CROSS JOIN LATERAL jsonb_array_elements_text(p.prefs->'beta_features') AS f(feature)
GROUP BY f.feature ORDER BY users DESC, f.feature
