-- Lab ${ID} - ${TITLE} - Exercise 01: Items by price (golden scenario: no tie-breaker for items of one price)

SELECT name, price
FROM items
ORDER BY price;
