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

-- Surrogate keys everywhere; the numbers from the file stay as UNIQUE natural keys.
CREATE TABLE categories (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name varchar(50) NOT NULL UNIQUE
);

CREATE TABLE customers (
    id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_number integer      NOT NULL UNIQUE,
    name            varchar(100) NOT NULL,
    email           varchar(200) NOT NULL UNIQUE,
    city            varchar(100) NOT NULL
);

CREATE TABLE products (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         varchar(20)  NOT NULL UNIQUE,
    name        varchar(100) NOT NULL,
    category_id integer      NOT NULL REFERENCES categories (id)
);

CREATE TABLE orders (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_number integer NOT NULL UNIQUE,
    ordered_on   date    NOT NULL,
    customer_id  integer NOT NULL REFERENCES customers (id)
);

CREATE TABLE order_lines (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   integer        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id integer        NOT NULL REFERENCES products (id),
    unit_price numeric(10, 2) NOT NULL,
    quantity   smallint       NOT NULL CHECK (quantity > 0),
    UNIQUE (order_id, product_id)
);
