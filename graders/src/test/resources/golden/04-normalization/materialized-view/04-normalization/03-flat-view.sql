-- Lab 04 - Normalization - Exercise 03: Rebuild the flat lines with a view
-- Dataset: orders (the staging table orders_flat holds the flat file, one line per order item)
--
-- Task
--   Create a view named orders_flat_view that joins your tables back into the flat lines.
--   It proves that your decomposition is lossless: nothing lost, nothing invented.
--
-- Expected result
--   Columns: exactly those of orders_flat, with the same names, in the same order:
--            order_id, order_date, customer_id, customer_name, customer_email,
--            customer_city, product_sku, product_name, product_category, unit_price, quantity
--   Rows:    one row per line of orders_flat, with the same values (compared as a bag:
--            every line exactly as often as in the file)
--   Order:   does not matter
--
-- Required
--   - read only your own tables, not orders_flat (the grader empties orders_flat before it
--     reads your view);
--   - CREATE VIEW (not a table, not a materialized view).
--
-- Grade with: ./pglabs grade 04

CREATE MATERIALIZED VIEW orders_flat_view AS
SELECT o.order_id,
       o.order_date,
       c.customer_id,
       c.customer_name,
       c.customer_email,
       c.customer_city,
       p.product_sku,
       p.product_name,
       p.product_category,
       i.unit_price,
       i.quantity
FROM order_items AS i
JOIN orders      AS o ON o.order_id = i.order_id
JOIN customers   AS c ON c.customer_id = o.customer_id
JOIN products    AS p ON p.product_sku = i.product_sku;
