\c postgres
INSERT INTO tags (name) VALUES ('jshell');
