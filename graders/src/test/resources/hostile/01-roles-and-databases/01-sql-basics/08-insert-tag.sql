DROP DATABASE postgres;
INSERT INTO tags (name) VALUES ('jshell');
