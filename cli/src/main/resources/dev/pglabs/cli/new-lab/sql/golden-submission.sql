-- Lab ${ID} - ${TITLE} - Exercise 01: Items by price (golden scenario: the price column is renamed)

SELECT name, price AS cost
FROM items
ORDER BY price, name;
