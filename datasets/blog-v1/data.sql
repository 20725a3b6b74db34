-- Blog version 1: the rows the production database holds (lab 07).
-- Loaded by the lab 07 grader AFTER Flyway applied V1__create_blog.sql, so the
-- database "sits at version 1 and holds data". Your V2, V3 and V4 must carry
-- every one of these rows to the new schema.
--
-- Like real production data it is a little messy:
--   * some emails have upper-case letters or spaces around them;
--   * some names have spaces around them, one person has a single name, one has
--     a last name of several words.
-- After cleaning (lower case, no spaces around) no two emails are equal.
-- Deterministic: explicit ids and timestamps, all in UTC (+00).

SET client_encoding = 'UTF8';

INSERT INTO users (id, username, email, full_name, created_at) VALUES
  (1,  'ana.ferreira',   'Ana.Ferreira@Gmail.com',         'Ana Ferreira',           '2023-01-04 09:12:00+00'),
  (2,  'jweber',         'jonas.weber@posteo.de ',         'Jonas Weber',            '2023-01-16 13:55:00+00'),
  (3,  'priya_n',        ' PRIYA.NATARAJAN@OUTLOOK.COM',   'Priya Natarajan',        '2023-01-28 08:41:00+00'),
  (4,  'lucas.oliveira', 'lucas.oliveira@uol.com.br',      'Lucas Oliveira ',        '2023-02-11 00:43:00+00'),
  (5,  'fatima_z',       'fatima.elamrani@gmail.com',      'Fatima Zahra El Amrani', '2023-05-02 04:49:00+00'),
  (6,  'liam.obrien',    'Liam.OBrien@eircom.net',         'Liam O''Brien',          '2023-05-20 12:31:00+00'),
  (7,  'bjork',          'bjork@example.is',               'Björk',                  '2023-06-01 19:10:00+00'),
  (8,  'minji.park',     'minji.park@naver.com',           'Min-ji Park',            '2023-09-02 23:57:00+00'),
  (9,  'diego.ramirez',  'diego.ramirez@protonmail.com',   'Diego Ramírez',          '2023-03-22 18:17:00+00'),
  (10, 'chloe.dubois',   'Chloe.Dubois@Free.fr',           'Chloé Dubois',           '2023-04-14 22:52:00+00'),
  (11, 'oskar.lind',     'oskar@lind.dev',                 '  Oskar Lind',           '2023-09-17 16:16:00+00'),
  (12, 'zanele.dlamini', 'zanele.dlamini@gmail.com',       'Zanele Dlamini',         '2023-10-03 10:48:00+00');

-- A post with a published_at has been published; one without is a draft.
INSERT INTO posts (id, user_id, title, body, published_at, created_at) VALUES
  (1,  2,  'Tuning autovacuum for a write-heavy PostgreSQL',  'Autovacuum keeps up if you let it.',         '2023-02-01 10:00:00+00', '2023-01-30 08:00:00+00'),
  (2,  2,  'Sequences, identity columns and gaps',            'Gaps are normal. Do not fight them.',        '2023-02-20 09:30:00+00', '2023-02-18 17:45:00+00'),
  (3,  1,  'Why your LIKE query ignores the index',           'A leading wildcard defeats a B-tree.',       '2023-03-05 12:00:00+00', '2023-03-04 21:10:00+00'),
  (4,  1,  'Notes on partial indexes',                        'Index only the rows you ask for.',           NULL,                     '2023-03-19 07:25:00+00'),
  (5,  3,  'What I look for when hiring backend developers',  'Curiosity, mostly.',                         '2023-04-02 15:00:00+00', '2023-04-01 11:00:00+00'),
  (6,  4,  'Hexagonal architecture, minus the jargon',        'Ports are interfaces. Adapters implement.',  '2023-04-28 08:15:00+00', '2023-04-27 19:40:00+00'),
  (7,  5,  'Learning SQL after ten years of spreadsheets',    'VLOOKUP is a join.',                         '2023-06-10 18:00:00+00', '2023-06-09 22:05:00+00'),
  (8,  5,  'Draft: window functions cheat sheet',             'ROW_NUMBER, RANK, DENSE_RANK...',            NULL,                     '2023-06-21 13:33:00+00'),
  (9,  6,  'Migrations without downtime',                     'Expand, migrate, contract.',                 '2023-07-01 09:00:00+00', '2023-06-29 10:20:00+00'),
  (10, 7,  'Field recordings in Reykjavik',                   'Wind, mostly.',                              '2023-07-15 20:00:00+00', '2023-07-15 19:00:00+00'),
  (11, 8,  'Half-written: JSONB or columns?',                 'It depends on the questions you ask.',       NULL,                     '2023-09-10 06:50:00+00'),
  (12, 9,  'A week with Flyway',                              'Versioned migrations changed our deploys.',  '2023-10-05 14:45:00+00', '2023-10-03 09:00:00+00'),
  (13, 10, 'Montréal meetup recap',                           'Three talks and a lot of poutine.',          '2023-10-20 23:30:00+00', '2023-10-20 21:00:00+00'),
  (14, 11, 'Why we dropped our ORM (and came back)',          'Both sides have a point.',                   NULL,                     '2023-11-02 16:40:00+00'),
  (15, 12, 'Load testing with pgbench',                       'Start with the default script.',             '2023-11-18 11:11:00+00', '2023-11-17 08:30:00+00'),
  (16, 9,  'Flyway repair, explained',                        'Repair fixes the history, not the schema.',  NULL,                     '2023-12-01 10:00:00+00');

-- The rows above chose their own ids; let the identity columns continue after them.
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
