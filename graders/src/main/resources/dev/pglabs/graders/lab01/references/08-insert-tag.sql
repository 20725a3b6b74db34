INSERT INTO tags (name) VALUES ('jshell')
