-- Lab 04 - Normalization - Exercise 05: Add a product nobody has ordered yet (the insert anomaly)
-- Dataset: orders (the staging table orders_flat holds the flat file, one line per order item)
--
-- Task
--   The shop starts selling the product with SKU 'KB-220', named 'Travel keyboard', in the
--   category 'Keyboards'. Nobody has ordered it yet. Record it in your tables.
--
-- Required
--   - no order, no customer, no order line for it: it has not been sold;
--   - the SKU and the name exactly as written above.
--
-- Checked by
--   Your tables afterwards: exactly one row added, holding 'KB-220' and 'Travel keyboard',
--   nothing else changed, and your view orders_flat_view unchanged. (In orders_flat you
--   could not store it without inventing an order.)
--
-- Grade with: ./pglabs grade 04

INSERT INTO products (product_sku, product_name, product_category)
VALUES ('KB-220', 'Travel keyboard', 'Keyboards');
