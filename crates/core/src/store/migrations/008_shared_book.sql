-- Programs keep the order they were made in as a column of their own (SQLite's rowid
-- has no twin on a server). The PostgreSQL twin also keeps the notes of its writers.
ALTER TABLE programs ADD COLUMN position INTEGER;
UPDATE programs SET position = rowid;
