-- The orders dataset (lab 04, normalization): a flat export of a small online shop, one line per order item.
-- Each line repeats the order, the customer and the product it belongs to, as a spreadsheet or an old
-- system's CSV export would. This file creates the staging table; the CSV file of the same name
-- (orders_flat.csv, header row) is then copied into it:
--   psql -f datasets/orders/orders_flat.sql
--   psql -c "\copy orders_flat FROM 'datasets/orders/orders_flat.csv' WITH (FORMAT csv, HEADER true)"
-- A staging table has no keys and no constraints on purpose: it holds the file as it is, mistakes included.
-- hidden/orders_flat.csv holds other orders (other customers and products) in the same columns.

CREATE TABLE orders_flat (
    order_id         integer,        -- the order the line belongs to
    order_date       date,           -- the day the order was placed
    customer_id      integer,        -- the customer who placed the order
    customer_name    text,
    customer_email   text,
    customer_city    text,
    product_sku      text,           -- stock keeping unit: the product's code
    product_name     text,
    product_category text,
    unit_price       numeric(8, 2),  -- the price paid for one unit on this order
    quantity         integer         -- how many units of the product the order holds
);
