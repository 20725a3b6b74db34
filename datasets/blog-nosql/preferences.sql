-- Blog dataset, lab 11 (SQL vs NoSQL): user preferences as JSONB documents.
-- Loaded on top of blog/schema.sql + blog/data.sql (and, for hidden checks,
-- blog/variant-hidden.sql and 11-variant-hidden.sql).
--
-- One row per user who changed a setting. The document holds only what that
-- user set: keys are optional (flexible attributes), so queries must treat a
-- missing key as "the default". Shape:
--   {"theme": "dark" | "light",
--    "language": "en" | "pt" | "de" | "fr" | …,
--    "notifications": {"email": true|false, "push": true|false},
--    "editor": {"font_size": 12..20, "spellcheck": true|false},
--    "beta_features": ["markdown-preview", "scheduled-posts", …]}
-- Users 37 to 40 have no row: they never opened the settings page.

CREATE TABLE user_preferences (
    user_id     integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    prefs       jsonb       NOT NULL DEFAULT '{}'
                            CHECK (jsonb_typeof(prefs) = 'object'),
    updated_at  timestamptz NOT NULL DEFAULT '2025-06-01 00:00:00+00'
);

-- The documents are made by a rule from the user id, so every run has the same
-- data; each key is left out for some users.
INSERT INTO user_preferences (user_id, prefs)
SELECT id,
       jsonb_strip_nulls(jsonb_build_object(
           'theme',         CASE WHEN id % 5 = 0 THEN NULL
                                 WHEN id % 3 = 0 THEN 'dark' ELSE 'light' END,
           'language',      CASE WHEN id % 4 = 0 THEN NULL
                                 ELSE (ARRAY['en', 'pt', 'de', 'fr', 'en', 'es'])[id % 6 + 1] END,
           'notifications', CASE WHEN id % 7 = 0 THEN NULL
                                 ELSE jsonb_build_object('email', id % 2 = 1 OR id % 8 = 0, 'push', id % 3 <> 1) END,
           'editor',        CASE WHEN id % 6 = 0
                                 THEN jsonb_build_object('font_size', 12 + id % 9, 'spellcheck', id % 4 <> 0) END,
           'beta_features', CASE WHEN id % 8 = 3 THEN '["markdown-preview", "scheduled-posts"]'::jsonb
                                 WHEN id % 8 = 5 THEN '["markdown-preview"]'::jsonb
                                 WHEN id % 8 = 6 THEN '["dark-code-blocks", "scheduled-posts"]'::jsonb END
       ))
FROM users
WHERE id <= 36
ORDER BY id;

-- A GIN index on the whole document: it serves containment (@>) and key
-- existence (?, ?|, ?&) on any key, nested keys included.
CREATE INDEX user_preferences_prefs_gin ON user_preferences USING gin (prefs);
