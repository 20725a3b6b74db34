-- Lab 04 - Normalization - Exercise 01: A schema in third normal form
-- Dataset: orders (the staging table orders_flat holds the flat file, one line per order item)
--
-- Task
--   Design tables that hold everything orders_flat holds, with each fact stored once (3NF).
--   The flat lines describe four kinds of things: customers, products, orders, and the
--   lines of an order (which product, at which price, how many). Suggested tables:
--   customers, products, orders, order_items. Names and extra tables are up to you.
--
-- Required
--   - every table has a PRIMARY KEY;
--   - a column that holds another table's key is a FOREIGN KEY (REFERENCES ...) and NOT NULL;
--   - columns take types that hold the file's values unchanged (compare with orders_flat:
--     integer, date, text, numeric(8, 2)), and NOT NULL where a value is always known.
--
-- Checked by
--   The catalog after this file runs: your tables, their primary keys and foreign keys.
--   The loaded rows (after 02-load.sql): no column may depend on only part of a key or on
--   a column that is not a key.
--   Write only CREATE TABLE statements here (no data); the tables start empty.
--
-- Grade with: ./pglabs grade 04

CREATE TABLE customers (
    customer_id    integer PRIMARY KEY,
    customer_name  text    NOT NULL,
    customer_email text    NOT NULL UNIQUE,
    customer_city  text    NOT NULL
);

CREATE TABLE products (
    product_sku      text PRIMARY KEY,
    product_name     text NOT NULL,
    product_category text NOT NULL
);

CREATE TABLE orders (
    order_id    integer PRIMARY KEY,
    order_date  date    NOT NULL,
    customer_id integer NOT NULL REFERENCES customers (customer_id)
);

-- The price is the price paid on this order: it changed for some products during the year,
-- so it depends on the order line, not on the product alone.
CREATE TABLE order_items (
    order_id    integer       NOT NULL REFERENCES orders (order_id),
    product_sku text          NOT NULL REFERENCES products (product_sku),
    unit_price  numeric(8, 2) NOT NULL CHECK (unit_price >= 0),
    quantity    integer       NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_sku)
);

INSERT INTO customers (customer_id, customer_name, customer_email, customer_city)
SELECT DISTINCT customer_id, customer_name, customer_email, customer_city
FROM orders_flat;

INSERT INTO products (product_sku, product_name, product_category)
SELECT DISTINCT product_sku, product_name, product_category
FROM orders_flat;

INSERT INTO orders (order_id, order_date, customer_id)
SELECT DISTINCT order_id, order_date, customer_id
FROM orders_flat;

INSERT INTO order_items (order_id, product_sku, unit_price, quantity)
SELECT order_id, product_sku, unit_price, quantity
FROM orders_flat;
