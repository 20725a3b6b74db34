-- Lab ${ID} - ${TITLE} - Exercise 01: Items by price
-- Dataset: ${FOLDER} (table items)
--
-- Task
--   List the name and price of every item, cheapest first.
--
-- Expected result
--   Columns: name, price
--   Rows:    one row per item
--   Order:   by price, lowest first; items of the same price by name
--
-- Write a single SELECT statement. Column names must match exactly.
-- Grade with: ./pglabs grade ${ID}

SELECT name, price
FROM items
ORDER BY price, name;
