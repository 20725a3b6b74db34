-- Lab 04 - Normalization - Exercise 02: Load your tables from the staging table
-- Dataset: orders (the staging table orders_flat holds the flat file, one line per order item)
--
-- Task
--   Fill the tables of 01-schema.sql from orders_flat, with INSERT INTO ... SELECT ... FROM
--   orders_flat. Each customer, product and order must become exactly one row, however many
--   lines repeat it (SELECT DISTINCT).
--
-- Required
--   - read the data from orders_flat: the grader also runs your script on a different
--     orders_flat (other customers, products and orders), so a list of values copied from
--     today's file (INSERT ... VALUES) fails there;
--   - fill the tables in an order the foreign keys allow (a row can only refer to rows that
--     are already there).
--
-- Checked by
--   The rows of your tables after 01-schema.sql and this file run: each fact stored once
--   (no column that depends on only part of a key, or on a column that is not a key).
--   With the view of 03-flat-view.sql: that nothing was lost or invented.
--
-- Grade with: ./pglabs grade 04

INSERT INTO products (product_sku, product_name, product_category)
SELECT DISTINCT product_sku, product_name, product_category
FROM orders_flat;

INSERT INTO orders (order_id, order_date, customer_id, customer_name, customer_email, customer_city)
SELECT DISTINCT order_id, order_date, customer_id, customer_name, customer_email, customer_city
FROM orders_flat;

INSERT INTO order_items (order_id, product_sku, unit_price, quantity)
SELECT order_id, product_sku, unit_price, quantity
FROM orders_flat;
