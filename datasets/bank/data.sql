-- Bank dataset: data. Small and hand-made, the same on every load.

INSERT INTO accounts (id, owner, balance) VALUES
    ( 1, 'Ada Lovelace',       5000.00),
    ( 2, 'Alan Turing',        5000.00),
    ( 3, 'Grace Hopper',       5000.00),
    ( 4, 'Edsger Dijkstra',     120.00),
    ( 5, 'Barbara Liskov',      980.50),
    ( 6, 'Donald Knuth',         45.25),
    ( 7, 'Margaret Hamilton',  2500.00),
    ( 8, 'Ken Thompson',          0.00),
    ( 9, 'Frances Allen',       310.75),
    (10, 'John Backus',          75.00),
    (11, 'Radia Perlman',      1500.00),
    (12, 'Tony Hoare',           19.99);
ALTER TABLE accounts ALTER COLUMN id RESTART WITH 13;

INSERT INTO transfers (id, from_id, to_id, amount, made_at) VALUES
    (1,  7,  1, 250.00, '2025-05-02 09:15:00+00'),
    (2,  1,  2,  99.90, '2025-05-03 17:40:00+00'),
    (3,  5,  9,  12.50, '2025-05-05 08:05:00+00'),
    (4, 11,  4,  60.00, '2025-05-08 12:30:00+00'),
    (5,  2,  3, 400.00, '2025-05-12 19:55:00+00'),
    (6,  9,  6,  20.25, '2025-05-20 07:10:00+00');
ALTER TABLE transfers ALTER COLUMN id RESTART WITH 7;

-- Orders 1 and 2 were paid last month; the rest wait for this month's batch.
-- The order matters: some can only be paid because an earlier one brought money in.
-- The rows are stored out of id order on purpose (6 before 5, 9 before 8): a batch that reads them without
-- ORDER BY id gets them in stored order and pays 6 and 9 before the orders that bring in their money.
INSERT INTO standing_orders (id, from_id, to_id, amount, status) VALUES
    ( 1,  5,  9,  12.50, 'paid'),
    ( 2,  8,  4,  30.00, 'paid'),
    ( 3,  4,  9, 100.00, 'pending'),
    ( 4,  4, 10,  50.00, 'pending'),
    ( 6,  4, 12,  90.00, 'pending'),
    ( 5, 10,  4,  75.00, 'pending'),
    ( 7,  8,  6,  10.00, 'pending'),
    ( 9,  8,  5,  45.25, 'pending'),
    ( 8,  6,  8,  45.25, 'pending'),
    (10, 12,  7, 200.00, 'pending');
ALTER TABLE standing_orders ALTER COLUMN id RESTART WITH 11;

INSERT INTO shows (id, title, starts_at, capacity, seats_left) VALUES
    (1, 'Hamlet',            '2025-09-05 19:30:00+00', 120,  40),
    (2, 'The Seagull',       '2025-09-06 19:00:00+00',  50,   3),
    (3, 'Waiting for Godot', '2025-09-07 20:00:00+00',  30,   0),
    (4, 'Our Town',          '2025-09-12 18:30:00+00', 200, 180),
    (5, 'Medea',             '2025-09-13 20:00:00+00',  12,  12);
ALTER TABLE shows ALTER COLUMN id RESTART WITH 6;

-- capacity - seats_left bookings per show, with made-up customer names.
INSERT INTO bookings (show_id, customer, booked_at)
SELECT s.id,
       (ARRAY['Ines', 'Kofi', 'Mei', 'Oskar', 'Priya', 'Rafael', 'Sanna', 'Tomasz'])[1 + (g % 8)]
           || ' ' || chr(65 + (g * 7 + s.id) % 26) || '.',
       s.starts_at - interval '30 days' + g * interval '37 minutes'
FROM shows s
CROSS JOIN LATERAL generate_series(1, s.capacity - s.seats_left) AS g
ORDER BY s.id, g;
