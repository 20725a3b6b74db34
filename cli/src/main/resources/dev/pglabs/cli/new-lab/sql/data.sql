-- The items the visible checks and the README's notebook use.
INSERT INTO items (name, price) VALUES
  ('pencil', 1.20),
  ('notebook', 3.50),
  ('eraser', 0.80),
  ('ruler', 1.20);
