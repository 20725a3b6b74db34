-- Blog dataset at scale: deterministic generator. Load schema.sql first.
--
-- 20,000 users, 12,111 profiles, 200,000 posts, 1,000,000 comments, 40 tags
-- and 130,436 post_tags rows: about 136 MB with the indexes. The rows are the
-- same on every run and every PostgreSQL version (15, 16, 17): no random(),
-- no now(), no hash functions, only integer arithmetic on generate_series
-- numbers.
--
-- blog_scale_u(k) turns an integer k into a number in [0, 1) that looks
-- random: two multiplications modulo the prime 2^31 - 1 with an xor-shift
-- between them. Each column draws from its own numbers k (a different
-- "stream" s in k = n * 16 + s, and a different offset per table), so the
-- columns do not depend on each other. Skew comes from powers: u^2 is mostly
-- small, so floor(N * u^2) picks low numbers often; a multiplication modulo N
-- then scatters those popular numbers over all ids.
--
-- Shape of the data (what the Lab 05 exercises rely on):
--   users.email       stored as typed: mixed letter case for about half of the
--                     users ('Mei.Ferreira42@Gmx.De'); unique even ignoring
--                     case. Usernames likewise unique ignoring case.
--   posts.user_id     skewed: the most prolific author (user 2742) has 1,442
--                     posts, a typical one about 8, a few have none.
--   posts.status      about 1% 'draft', 9% 'archived', 90% 'published'.
--   posts.created_at  grows with id (one post every ~13 minutes, 2021-2025).
--   comments.post_id  skewed: the most commented post (31677) has 2,237
--                     comments, a typical one 4; drafts have none. Comment
--                     ids follow created_at, so the table is stored in time
--                     order, not grouped by post.
--
-- Cost, measured on the course's 2-core CI machine (idle): this file plus the
-- VACUUM ANALYZE that follows it take 10-11 s on the embedded PostgreSQL 17
-- (tmpfs, fsync off) and about 12 s on PostgreSQL 15 on disk; about 12 s of
-- CPU, so 25-30 s when the machine is busy. Every check of Lab 05 clones the
-- result: 0.15-0.3 s with FILE_COPY on tmpfs, about 0.9 s with WAL_LOG on a
-- disk with fsync. Keep rows narrow: every byte is copied by every check.

SET client_encoding = 'UTF8';
SET client_min_messages = warning;
-- Room to sort the million comments in memory (this session only).
SET work_mem = '256MB';

CREATE FUNCTION blog_scale_u(k bigint) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (((((k * 742938285) % 2147483647)
          # (((k * 742938285) % 2147483647) >> 13)) * 950706376) % 2147483647)::double precision
         / 2147483647
$$;

-- Users -----------------------------------------------------------------------
-- Name parts are picked from small lists; the user id at the end of the
-- username and the email makes both unique (also ignoring letter case).
INSERT INTO users (id, username, email, full_name, city, created_at)
SELECT n,
       CASE style
         WHEN 0 THEN lower(f) || '.' || lower(l) || n
         WHEN 1 THEN lower(f) || '_' || lower(left(l, 1)) || n
         WHEN 2 THEN f || l || n
         ELSE lower(left(f, 1)) || lower(l) || n
       END,
       CASE
         WHEN style = 2 THEN f || '.' || l || n || '@' || initcap(domain)
         WHEN style = 3 AND mixed THEN upper(left(f, 1) || l) || n || '@' || upper(domain)
         WHEN mixed THEN f || '.' || l || n || '@' || domain
         ELSE lower(f) || '.' || lower(l) || n || '@' || domain
       END,
       f || ' ' || l,
       CASE WHEN blog_scale_u(n * 16 + 5) < 0.15 THEN NULL
            ELSE (ARRAY['Lisbon', 'Berlin', 'Toronto', 'São Paulo', 'Nairobi', 'Osaka', 'Warsaw', 'Montréal',
                        'Dublin', 'Milan', 'Buenos Aires', 'Stockholm', 'Bangalore', 'Seoul', 'Cape Town',
                        'Prague', 'Istanbul', 'Lagos', 'Hanoi', 'Madrid'])[1 + floor(20 * blog_scale_u(n * 16 + 6))::int]
       END,
       timestamptz '2018-01-01 00:00:00+00' + n * interval '75 minutes'
         + floor(3600 * blog_scale_u(n * 16 + 7)) * interval '1 second'
FROM (
  SELECT n,
         (ARRAY['Ana', 'Jonas', 'Priya', 'Lucas', 'Wanjiru', 'Haruto', 'Diego', 'Marta', 'Joao', 'Chloe',
                'Fatima', 'Liam', 'Sofia', 'Kofi', 'Ines', 'Mateo', 'Emma', 'Noor', 'Arjun', 'Minji',
                'Oskar', 'Zanele', 'Tomas', 'Rui', 'Aiko', 'Elif', 'Samuel', 'Yuki', 'Lena', 'Camila',
                'Linh', 'Ethan', 'Amara', 'Hugo', 'Olivia', 'Mei', 'Pablo', 'Sigrid', 'David', 'Alice'])
           [1 + floor(40 * blog_scale_u(n * 16 + 1))::int] AS f,
         (ARRAY['Ferreira', 'Weber', 'Natarajan', 'Oliveira', 'Kamau', 'Sato', 'Ramirez', 'Nowak', 'Matos',
                'Dubois', 'Amrani', 'Obrien', 'Rossi', 'Mensah', 'Carvalho', 'Gonzalez', 'Lindqvist', 'Haddad',
                'Mehta', 'Park', 'Lind', 'Dlamini', 'Novak', 'Pacheco', 'Tanaka', 'Yilmaz', 'Okafor',
                'Takahashi', 'Schmidt', 'Souza', 'Nguyen', 'Clarke', 'Diallo', 'Martin', 'Brown', 'Chen',
                'Ruiz', 'Haugen', 'Cohen', 'Smith'])
           [1 + floor(40 * blog_scale_u(n * 16 + 2))::int] AS l,
         floor(4 * blog_scale_u(n * 16 + 3))::int AS style,
         blog_scale_u(n * 16 + 4) < 0.3 AS mixed,
         (ARRAY['gmail.com', 'outlook.com', 'posteo.de', 'yahoo.co.jp', 'proton.me', 'icloud.com',
                'gmx.de', 'free.fr', 'example.org', 'fastmail.com'])
           [1 + floor(10 * blog_scale_u(n * 16 + 8))::int] AS domain
  FROM generate_series(1, 20000) AS n
  OFFSET 0  -- compute each name part once, not once per use above
) AS u;

-- Profiles: about 6 in 10 users wrote one.
INSERT INTO profiles (user_id, bio, website, birth_date)
SELECT n,
       CASE WHEN blog_scale_u(n * 16 + 10) < 0.7
            THEN (ARRAY['Backend developer.', 'Writes about travel.', 'Data engineer, coffee drinker.',
                        'Student.', 'Runs, bakes, codes.', 'DBA by day.'])[1 + floor(6 * blog_scale_u(n * 16 + 11))::int]
       END,
       CASE WHEN blog_scale_u(n * 16 + 12) < 0.2 THEN 'https://example.org/~' || n END,
       CASE WHEN blog_scale_u(n * 16 + 13) < 0.5
            THEN date '1960-01-01' + floor(16000 * blog_scale_u(n * 16 + 14))::int END
FROM generate_series(1, 20000) AS n
WHERE blog_scale_u(n * 16 + 9) < 0.6;

-- Tags ------------------------------------------------------------------------
INSERT INTO tags (id, name)
SELECT n, name
FROM unnest(ARRAY['postgresql', 'sql', 'performance', 'indexing', 'java', 'python', 'testing', 'devops',
                  'docker', 'security', 'career', 'travel', 'remote-work', 'tutorial', 'cobol', 'kotlin',
                  'spring', 'kubernetes', 'aws', 'linux', 'git', 'databases', 'jdbc', 'orm', 'api', 'http',
                  'json', 'cooking', 'running', 'books', 'music', 'photography', 'gardening', 'cycling',
                  'hiking', 'history', 'design', 'accessibility', 'ux', 'writing'])
     WITH ORDINALITY AS t(name, n);

-- Posts -----------------------------------------------------------------------
-- One post every ~13 minutes from 2021-01-01, so created_at grows with id.
INSERT INTO posts (id, user_id, title, body, status, views, published_at, created_at)
SELECT n,
       1 + (floor(20000 * blog_scale_u(k + 1) ^ 2)::bigint * 7919 + 2741) % 20000,
       (ARRAY['Notes on', 'Getting started with', 'Why I like', 'Ten tips for', 'A week of', 'Lessons from',
              'Debugging', 'Thoughts on', 'Beyond', 'Rethinking'])[1 + floor(10 * blog_scale_u(k + 2))::int]
         || ' ' || topic,
       'A short post about ' || topic || '.',
       status,
       CASE WHEN status = 'draft' THEN 0 ELSE floor(20000 * blog_scale_u(k + 4) ^ 3)::int END,
       CASE WHEN status = 'draft' THEN NULL
            ELSE created_at + floor(259200 * blog_scale_u(k + 5)) * interval '1 second' END,
       created_at
FROM (
  SELECT n, 1000000 + n * 16 AS k,
         (ARRAY['PostgreSQL', 'indexes', 'Java records', 'sourdough', 'Lisbon', 'Kubernetes', 'running',
                'query plans', 'remote work', 'JDBC', 'Osaka', 'vacuum', 'gardening', 'Kotlin', 'git',
                'photography', 'JSON', 'cycling', 'Berlin', 'code review'])
           [1 + floor(20 * blog_scale_u(1000000 + n * 16 + 3))::int] AS topic,
         CASE WHEN blog_scale_u(1000000 + n * 16 + 6) < 0.01 THEN 'draft'
              WHEN blog_scale_u(1000000 + n * 16 + 6) < 0.10 THEN 'archived'
              ELSE 'published' END AS status,
         timestamptz '2021-01-01 00:00:00+00' + n * interval '13 minutes'
           + floor(600 * blog_scale_u(1000000 + n * 16 + 7)) * interval '1 second' AS created_at
  FROM generate_series(1, 200000) AS n
  OFFSET 0
) AS p;

-- post_tags: half of the posts have a tag, 15% a second (different) one.
INSERT INTO post_tags (post_id, tag_id)
SELECT n, 1 + floor(40 * blog_scale_u(5000000 + n * 16 + 1))::int
FROM generate_series(1, 200000) AS n
WHERE blog_scale_u(5000000 + n * 16) >= 0.5
UNION ALL
SELECT n, 1 + (floor(40 * blog_scale_u(5000000 + n * 16 + 1))::int + 1
               + floor(39 * blog_scale_u(5000000 + n * 16 + 2))::int) % 40
FROM generate_series(1, 200000) AS n
WHERE blog_scale_u(5000000 + n * 16) >= 0.85;

-- Comments --------------------------------------------------------------------
-- Drafts get no comments: comments pick among the published and archived
-- posts, numbered 1..live in a helper table (dropped below). Popular posts are
-- picked often. A comment is written between a minute and ~60 days after its
-- post; ids are then given in created_at order, the order in which comments
-- arrive, so the table is stored in time order.
CREATE TABLE blog_scale_live_posts AS
SELECT row_number() OVER (ORDER BY id) AS r, id, created_at
FROM posts
WHERE status <> 'draft';
ANALYZE blog_scale_live_posts;

INSERT INTO comments (id, post_id, user_id, body, created_at)
SELECT row_number() OVER (ORDER BY created_at, n), post_id, user_id, body, created_at
FROM (
  SELECT c.n, p.id AS post_id,
         1 + (floor(20000 * (c.r2 / 2147483647::double precision) ^ 1.5)::bigint * 4099) % 20000 AS user_id,
         (ARRAY['Great post!', 'Thanks for sharing.', 'I disagree.', '+1', 'Very helpful, thanks!',
                'Could you explain more?', 'Nice.', 'Bookmarked.', 'This saved my day.', 'Interesting.',
                'Source?', 'Same here.', 'Well written.', 'Not sure about this.', 'Thank you!',
                'Looking forward to part 2.'])[1 + c.r2 % 16] AS body,
         p.created_at + interval '1 minute'
           + (floor(5184000 * (c.r3 / 2147483647::double precision) ^ 2) + c.r3 % 3600) * interval '1 second' AS created_at
  FROM (
    SELECT n,
           1 + (floor(live * blog_scale_u(10000000 + n * 16 + 1) ^ 2)::bigint * 7919 + 31337) % live AS r,
           floor(2147483647 * blog_scale_u(10000000 + n * 16 + 2))::bigint AS r2,
           floor(2147483647 * blog_scale_u(10000000 + n * 16 + 3))::bigint AS r3
    FROM generate_series(1, 1000000) AS n,
         (SELECT count(*) AS live FROM blog_scale_live_posts) AS l
    OFFSET 0
  ) AS c
  JOIN blog_scale_live_posts AS p ON p.r = c.r
) AS chosen
ORDER BY created_at, n;

DROP TABLE blog_scale_live_posts;
DROP FUNCTION blog_scale_u(bigint);

-- Identity columns continue after the generated ids.
SELECT setval(pg_get_serial_sequence('users', 'id'), 20000),
       setval(pg_get_serial_sequence('posts', 'id'), 200000),
       setval(pg_get_serial_sequence('comments', 'id'), 1000000),
       setval(pg_get_serial_sequence('tags', 'id'), 40);

-- Primary keys and foreign keys, built and validated once now that the rows
-- are in.
ALTER TABLE posts     ADD PRIMARY KEY (id);
ALTER TABLE comments  ADD PRIMARY KEY (id);
ALTER TABLE post_tags ADD PRIMARY KEY (post_id, tag_id);
ALTER TABLE profiles  ADD FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
ALTER TABLE posts     ADD FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
ALTER TABLE comments  ADD FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE;
ALTER TABLE comments  ADD FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;
ALTER TABLE post_tags ADD FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE;
ALTER TABLE post_tags ADD FOREIGN KEY (tag_id)  REFERENCES tags(id) ON DELETE CASCADE;
