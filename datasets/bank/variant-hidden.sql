-- Bank dataset, hidden variant for Lab 06: applied after data.sql.
-- Other accounts, amounts and shows, so that an answer that hard-codes ids or
-- amounts it saw in the visible data fails here.

UPDATE accounts SET balance = 900.00 WHERE id = 1;
UPDATE accounts SET balance = 850.00 WHERE id = 2;
UPDATE accounts SET balance = 700.00 WHERE id = 3;
UPDATE accounts SET balance = 6000.00 WHERE id = 7;
UPDATE accounts SET balance = 33.30 WHERE id = 12;
INSERT INTO accounts (id, owner, balance) VALUES
    (13, 'Leslie Lamport',  7000.00),
    (14, 'Jim Gray',           3.50),
    (15, 'Michael Stonebraker', 0.00),
    (16, 'Andreas Reuter',   640.00);
ALTER TABLE accounts ALTER COLUMN id RESTART WITH 17;

-- This month's batch is a different one, stored out of id order too (15 before 13).
DELETE FROM standing_orders WHERE status = 'pending';
INSERT INTO standing_orders (id, from_id, to_id, amount, status) VALUES
    (11, 14, 16,   3.50, 'pending'),
    (12, 14,  9,   0.01, 'pending'),
    (15, 14, 15,  40.00, 'pending'),
    (13, 16, 14,  40.00, 'pending'),
    (14, 15,  2,  10.00, 'pending'),
    (17, 15, 13,  40.00, 'pending'),
    (16,  6, 13,  45.26, 'pending'),
    (18, 12,  8,  33.30, 'pending'),
    (19,  8,  4,  33.31, 'pending');
ALTER TABLE standing_orders ALTER COLUMN id RESTART WITH 20;

-- A show with a single seat for sale, and a big one.
INSERT INTO shows (id, title, starts_at, capacity, seats_left) VALUES
    (6, 'Antigone',       '2025-09-20 19:00:00+00',   1,   1),
    (7, 'Peer Gynt',      '2025-09-21 19:00:00+00', 400, 400);
ALTER TABLE shows ALTER COLUMN id RESTART WITH 8;
UPDATE shows SET seats_left = 2 WHERE id = 2;
INSERT INTO bookings (show_id, customer, booked_at)
VALUES (2, 'Late Bird', '2025-09-01 10:00:00+00');
