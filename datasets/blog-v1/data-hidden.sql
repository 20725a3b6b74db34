-- Blog version 1, other rows: the data of lab 07's HIDDEN upgrade check.
-- The same kinds of mess as data.sql, in other rows and other ids, plus a few
-- more: emails with spaces on both sides, a single name with spaces around it,
-- a last name of three words, a user who never posted, a user with drafts only.
-- Migrations that follow the rules of the task pass; migrations that fix
-- today's rows one by one (UPDATE ... WHERE id = 3) do not.

SET client_encoding = 'UTF8';

INSERT INTO users (id, username, email, full_name, created_at) VALUES
  (101, 'kofi.mensah',  '  Kofi.Mensah@GMAIL.com  ',   'Kofi Mensah',            '2024-01-03 08:00:00+00'),
  (102, 'madonna',      'MADONNA@EXAMPLE.COM',         '  Madonna  ',            '2024-01-09 12:30:00+00'),
  (103, 'jc.vandamme',  'jc.vandamme@example.be',      'Jean Claude Van Damme',  '2024-01-15 17:45:00+00'),
  (104, 'sofia.rossi',  'sofia.rossi@libero.it ',      'Sofia Rossi',            '2024-02-01 09:10:00+00'),
  (105, 'noor.haddad',  'noor.haddad@outlook.com',     'Noor Haddad',            '2024-02-14 14:00:00+00'),
  (106, 'arjun.mehta',  ' Arjun.Mehta@Gmail.Com',      ' Arjun Mehta ',          '2024-03-02 23:01:00+00'),
  (107, 'elif.yilmaz',  'elif.yilmaz@gmail.com',       'Elif Yılmaz',            '2024-03-20 07:23:00+00'),
  (108, 'tomas.novak',  'TOMAS.NOVAK@SEZNAM.CZ',       'Tomáš Novák',            '2024-04-11 05:07:00+00'),
  (109, 'mateo.g',      'mateo.gonzalez@gmail.com',    'Mateo González Ruiz',    '2024-05-05 13:48:00+00');

INSERT INTO posts (id, user_id, title, body, published_at, created_at) VALUES
  (201, 101, 'Indexes are not free',                 'Every write pays for them.',        '2024-01-20 10:00:00+00', '2024-01-19 09:00:00+00'),
  (202, 102, 'Untitled',                             'Coming soon.',                      NULL,                     '2024-01-22 11:00:00+00'),
  (203, 102, 'Still untitled',                       'Really coming soon.',               NULL,                     '2024-02-02 11:00:00+00'),
  (204, 103, 'Splitting names is harder than it looks', 'Some people have four.',         '2024-02-10 18:30:00+00', '2024-02-09 08:00:00+00'),
  (205, 104, 'CHECK constraints in practice',        'Clean the data first.',             '2024-02-25 07:45:00+00', '2024-02-24 20:15:00+00'),
  (206, 106, 'Backfills on big tables',              'Batch them.',                       '2024-03-15 12:00:00+00', '2024-03-14 16:20:00+00'),
  (207, 106, 'Draft: NOT VALID constraints',         'Validate later.',                   NULL,                     '2024-03-30 09:00:00+00'),
  (208, 107, 'Repeatable migrations for views',      'CREATE OR REPLACE VIEW.',           '2024-04-01 08:00:00+00', '2024-03-31 22:00:00+00'),
  (209, 108, 'Baselining a legacy database',         'Start the history where you are.',  '2024-04-20 19:19:00+00', '2024-04-19 10:10:00+00'),
  (210, 109, 'Un año con PostgreSQL',                'Muy bien.',                         '2024-05-20 10:30:00+00', '2024-05-19 09:30:00+00');

SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('posts', 'id'), (SELECT max(id) FROM posts));
