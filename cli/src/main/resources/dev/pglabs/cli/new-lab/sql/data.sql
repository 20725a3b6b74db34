-- The items the visible checks and the README's notebook use. Two items share a price and are stored against
-- the order of their names, so an answer without the task's tie-breaker gets them in the wrong order.
INSERT INTO items (name, price) VALUES
  ('ruler', 1.20),
  ('notebook', 3.50),
  ('eraser', 0.80),
  ('pencil', 1.20);
