COPY tags TO '/tmp/pglabs-hostile-copy-out.txt';
INSERT INTO tags (name) VALUES ('jshell');
