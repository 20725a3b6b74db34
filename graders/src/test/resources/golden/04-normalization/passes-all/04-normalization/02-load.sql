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

insert into categories (name)
select distinct product_category from orders_flat order by 1;

insert into customers (customer_number, name, email, city)
select distinct customer_id, customer_name, customer_email, customer_city
from orders_flat
order by customer_id;

insert into products (sku, name, category_id)
select distinct f.product_sku, f.product_name, c.id
from orders_flat f
join categories c on c.name = f.product_category;

insert into orders (order_number, ordered_on, customer_id)
select distinct f.order_id, f.order_date, c.id
from orders_flat f
join customers c on c.customer_number = f.customer_id;

insert into order_lines (order_id, product_id, unit_price, quantity)
select o.id, p.id, f.unit_price, f.quantity
from orders_flat f
join orders o on o.order_number = f.order_id
join products p on p.sku = f.product_sku;
