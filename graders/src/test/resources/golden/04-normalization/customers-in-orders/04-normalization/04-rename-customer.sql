-- Lab 04 - Normalization - Exercise 04: Rename a customer (the update anomaly)
-- Dataset: orders (the staging table orders_flat holds the flat file, one line per order item)
--
-- Task
--   Customer 1003 (Noor Haddad in the data you see) has changed her name to 'Noor Lindqvist'.
--   Record the new name in your tables.
--
-- Required
--   - choose the customer by the customer number 1003, not by the current name: the grader
--     also runs this on different data, where customer 1003 is someone else;
--   - the new name is exactly 'Noor Lindqvist'.
--
-- Checked by
--   Your view orders_flat_view afterwards: the new name on every line of customer 1003,
--   nothing else changed. And your tables: exactly one row changed. In orders_flat the same
--   change touches one line per order item of the customer.
--   Do not wrap it in BEGIN ... ROLLBACK (a rollback would undo your change).
--
-- Grade with: ./pglabs grade 04

UPDATE orders
SET customer_name = 'Noor Lindqvist'
WHERE customer_id = 1003;
