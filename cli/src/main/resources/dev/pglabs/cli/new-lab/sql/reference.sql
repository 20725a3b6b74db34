-- The reference answer of check 01-items-by-price (its result is what the student's query must return).
SELECT name, price FROM items ORDER BY price, name;
