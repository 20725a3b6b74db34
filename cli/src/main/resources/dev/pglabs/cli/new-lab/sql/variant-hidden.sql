-- Hidden-check variant, applied on top of data.sql: other rows, so an answer that copies today's result fails.
INSERT INTO items (name, price) VALUES
  ('stapler', 0.50),
  ('compass', 3.50);
