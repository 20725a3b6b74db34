INSERT INTO user_preferences AS p (user_id, prefs, updated_at)
VALUES (12, '{"theme": "dark"}', now()), (40, '{"theme": "dark"}', now())
ON CONFLICT (user_id) DO UPDATE SET prefs = p.prefs || EXCLUDED.prefs, updated_at = EXCLUDED.updated_at
